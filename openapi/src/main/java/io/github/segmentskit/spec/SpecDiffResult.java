package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@link SpecDiff} found between the released spec and the current one.
 *
 * @param releasedVersion {@code info.version} of the released spec
 * @param changes every change found, breaking ones and compatible ones, in the order found
 * @param markdownDetails openapi-diff's own Markdown report of the differences
 * @param htmlDetails openapi-diff's own HTML report of the differences (the body, without page)
 */
record SpecDiffResult(
    String releasedVersion, List<SpecChange> changes, String markdownDetails, String htmlDetails) {

  SpecDiffResult {
    requireNonNull(releasedVersion, "releasedVersion == null");
    changes = List.copyOf(requireNonNull(changes, "changes == null"));
    requireNonNull(markdownDetails, "markdownDetails == null");
    requireNonNull(htmlDetails, "htmlDetails == null");
  }

  /** True if no change can break a client built against the released spec. */
  boolean compatible() {
    return breakingChanges().isEmpty();
  }

  List<SpecChange> breakingChanges() {
    return changes.stream().filter(SpecChange::breaking).toList();
  }

  List<SpecChange> compatibleChanges() {
    return changes.stream().filter(change -> !change.breaking()).toList();
  }
}
