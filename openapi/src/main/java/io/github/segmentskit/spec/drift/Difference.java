package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * One fact on which the two specs disagree.
 *
 * @param key where
 * @param ours the value in our spec; null if our spec does not say it
 * @param upstream the value in BigCommerce's spec; null if it does not say it
 */
record Difference(FactKey key, String ours, String upstream) {

  /** How a missing value is written, in the report and in the deviations file. */
  static final String ABSENT = "absent";

  Difference {
    requireNonNull(key, "key == null");
    if (Objects.equals(ours, upstream)) {
      throw new IllegalArgumentException("not a difference: both say " + ours + " at " + key);
    }
  }

  String oursText() {
    return ours == null ? ABSENT : ours;
  }

  String upstreamText() {
    return upstream == null ? ABSENT : upstream;
  }

  /** E.g. {@code `parameter limit (query)` maximum: ours 250, upstream absent}. */
  String describe() {
    return "`"
        + key.where()
        + "` "
        + key.aspect()
        + ": ours "
        + quote(oursText())
        + ", upstream "
        + quote(upstreamText());
  }

  private static String quote(String value) {
    return ABSENT.equals(value) ? value : "`" + value + "`";
  }
}
