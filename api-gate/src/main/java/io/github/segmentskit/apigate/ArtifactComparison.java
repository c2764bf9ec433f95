package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the gate found for one published artifact.
 *
 * @param artifactId the artifact, e.g. {@code segments-client}
 * @param baseline what it was compared with, in words (e.g. {@code segments-client-1.0.0.jar}), or
 *     why nothing was
 * @param status how it relates to the released artifacts
 * @param changes the API changes found; for {@link Status#REMOVED}, the removal itself
 */
record ArtifactComparison(
    String artifactId, String baseline, Status status, List<ApiChange> changes) {

  /** How an artifact relates to the released ones. */
  enum Status {
    /** Released before, compared with its released jar. */
    COMPARED,
    /**
     * Not released before under this name; compared with the released classes of its packages, if
     * any (e.g. classes that moved here from another released jar).
     */
    NEW,
    /** Released before, but no longer built: users' dependency on it can no longer be resolved. */
    REMOVED
  }

  ArtifactComparison {
    requireNonNull(artifactId, "artifactId == null");
    requireNonNull(baseline, "baseline == null");
    requireNonNull(status, "status == null");
    changes = List.copyOf(changes);
  }

  static ArtifactComparison removed(String artifactId, Version released) {
    return new ArtifactComparison(
        artifactId,
        artifactId + "-" + released + ".jar",
        Status.REMOVED,
        List.of(
            new ApiChange(
                artifactId, "ARTIFACT_REMOVED (released in " + released + ")", false, false)));
  }

  List<ApiChange> binaryIncompatible() {
    return changes.stream().filter(change -> !change.binaryCompatible()).toList();
  }
}
