package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts differences, first rule that applies:
 *
 * <ol>
 *   <li><b>recorded</b>: a deviation covers the place and both values are the ones it records;
 *   <li><b>upstream change</b>: a deviation covers the place and our value is the recorded one, but
 *       BigCommerce's is not (BigCommerce changed where we deviate);
 *   <li><b>upstream change</b>: BigCommerce's spec says something ours does not say at all (an
 *       operation, parameter, status, header, field or constraint we lack);
 *   <li><b>unrecorded</b>: anything else; our spec differs and nothing says why.
 * </ol>
 *
 * Deviations that record nothing are reported as unused.
 */
final class DriftClassifier {

  private DriftClassifier() {}

  static DriftResult classify(List<Difference> differences, List<Deviation> deviations) {
    requireNonNull(differences, "differences == null");
    requireNonNull(deviations, "deviations == null");
    List<DriftResult.Recorded> recorded = new ArrayList<>();
    List<DriftResult.UpstreamChange> upstreamChanges = new ArrayList<>();
    List<Difference> unrecorded = new ArrayList<>();
    Set<Deviation> used = new LinkedHashSet<>();
    for (Difference difference : differences) {
      Optional<Deviation> exact =
          deviations.stream().filter(d -> d.records(difference)).findFirst();
      if (exact.isPresent()) {
        used.add(exact.get());
        recorded.add(new DriftResult.Recorded(difference, exact.get()));
        continue;
      }
      Optional<Deviation> moved =
          deviations.stream()
              .filter(d -> d.locates(difference.key()) && d.ours().equals(difference.oursText()))
              .findFirst();
      if (moved.isPresent()) {
        used.add(moved.get());
        upstreamChanges.add(new DriftResult.UpstreamChange(difference, moved.get()));
      } else if (difference.ours() == null) {
        upstreamChanges.add(new DriftResult.UpstreamChange(difference, null));
      } else {
        unrecorded.add(difference);
      }
    }
    List<Deviation> unused = deviations.stream().filter(d -> !used.contains(d)).toList();
    return new DriftResult(recorded, upstreamChanges, unrecorded, unused);
  }
}
