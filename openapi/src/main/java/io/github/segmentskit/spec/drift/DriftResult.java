package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Every difference between our spec and BigCommerce's, sorted.
 *
 * @param recorded differences a deviation records exactly: known and explained
 * @param upstreamChanges differences BigCommerce's side explains: it says something our spec does
 *     not say at all, or it changed a place where a deviation is recorded
 * @param unrecorded every other difference: our spec differs and nothing says why
 * @param unused deviations that recorded no difference of this comparison
 */
record DriftResult(
    List<Recorded> recorded,
    List<UpstreamChange> upstreamChanges,
    List<Difference> unrecorded,
    List<Deviation> unused) {

  /** A difference and the deviation that records it. */
  record Recorded(Difference difference, Deviation deviation) {
    Recorded {
      requireNonNull(difference, "difference == null");
      requireNonNull(deviation, "deviation == null");
    }
  }

  /**
   * A difference that BigCommerce's side explains.
   *
   * @param difference the difference
   * @param deviation the deviation recorded at this place whose {@code upstream} value no longer
   *     holds; null when BigCommerce's spec says something our spec lacks
   */
  record UpstreamChange(Difference difference, Deviation deviation) {
    UpstreamChange {
      requireNonNull(difference, "difference == null");
    }

    /** Why this counts as an upstream change, in a sentence. */
    String why() {
      if (deviation == null) {
        return "BigCommerce's spec says it, ours does not: adopt it or record it";
      }
      return "BigCommerce changed it where deviation '"
          + deviation.id()
          + "' is recorded (recorded upstream: "
          + deviation.upstream()
          + "): review the deviation";
    }
  }

  DriftResult {
    recorded = List.copyOf(recorded);
    upstreamChanges = List.copyOf(upstreamChanges);
    unrecorded = List.copyOf(unrecorded);
    unused = List.copyOf(unused);
  }

  /**
   * Whether the check passes: no unrecorded difference and, if {@code failOnUpstreamChanges}, no
   * upstream change either.
   */
  boolean passed(boolean failOnUpstreamChanges) {
    return unrecorded.isEmpty() && (!failOnUpstreamChanges || upstreamChanges.isEmpty());
  }
}
