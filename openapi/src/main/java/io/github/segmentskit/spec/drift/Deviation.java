package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One recorded deviation of our spec from BigCommerce's: where it is, what each spec says there,
 * why we differ, and where the reason comes from. An entry of {@code openapi/deviations.yaml}.
 *
 * @param id a short name, unique in the file
 * @param operations the operations it covers, as patterns ({@code *} for any run of characters):
 *     {@code GET /segments}, {@code POST *}, {@code (document)}
 * @param where the places it covers, as patterns: {@code parameter limit (query)}, {@code response
 *     * body.data[].id}
 * @param aspects the aspects it covers, as patterns: {@code maximum}, {@code exists}
 * @param ours what our spec says there ({@link Difference#ABSENT} if nothing)
 * @param upstream what BigCommerce's spec said there when the deviation was recorded
 * @param reason why we differ
 * @param source where the reason or the fact comes from (a guide, the reference, an issue)
 */
record Deviation(
    String id,
    List<Glob> operations,
    List<Glob> where,
    List<Glob> aspects,
    String ours,
    String upstream,
    String reason,
    String source) {

  Deviation {
    requireNonNull(id, "id == null");
    operations = List.copyOf(operations);
    where = List.copyOf(where);
    aspects = List.copyOf(aspects);
    requireNonNull(ours, "ours == null");
    requireNonNull(upstream, "upstream == null");
    requireNonNull(reason, "reason == null");
    requireNonNull(source, "source == null");
  }

  /** Whether the deviation covers this place and aspect, whatever the values there. */
  boolean locates(FactKey key) {
    return aspects.stream().anyMatch(glob -> glob.matches(key.aspect()))
        && operations.stream().anyMatch(glob -> glob.matches(key.operation()))
        && where.stream().anyMatch(glob -> glob.matches(key.where()));
  }

  /** Whether the deviation records exactly this difference: the place and both values. */
  boolean records(Difference difference) {
    return locates(difference.key())
        && ours.equals(difference.oursText())
        && upstream.equals(difference.upstreamText());
  }
}
