package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Decides whether the published jars may be built at the project's version: a pure function of the
 * released version, the project version and what japicmp found.
 *
 * <p>The rule is the spec gate's, applied to the Java API: compatible changes (and changes that
 * break only source compatibility, such as a changed generic type argument) always pass;
 * binary-incompatible changes (a removed class or method, a changed return type, a method of an
 * interface added, ...), and a removed artifact, pass only when the project's major version is
 * above the released one. A project version below the released one fails too.
 */
final class JavaApiGate {

  /** How many breaking changes the failure message lists; the report has all of them. */
  static final int LISTED = 20;

  private JavaApiGate() {}

  static GateDecision decide(
      Version released, Version current, List<ArtifactComparison> comparisons) {
    requireNonNull(released, "released == null");
    requireNonNull(current, "current == null");
    requireNonNull(comparisons, "comparisons == null");

    if (current.compareTo(released) < 0) {
      return GateDecision.fail(
          "The project version "
              + current
              + " is lower than the released "
              + released
              + ". A new version must not go below the last release.");
    }
    List<String> breaking =
        comparisons.stream()
            .flatMap(
                comparison ->
                    comparison.binaryIncompatible().stream()
                        .map(
                            change ->
                                comparison.artifactId()
                                    + ": "
                                    + change.element()
                                    + ": "
                                    + change.change()))
            .toList();
    int artifacts = comparisons.size();
    if (breaking.isEmpty()) {
      long changed =
          comparisons.stream().mapToLong(comparison -> comparison.changes().size()).sum();
      return GateDecision.pass(
          count(artifacts, "published jar")
              + " against the released "
              + released
              + ": "
              + (changed == 0
                  ? "no API change."
                  : count((int) changed, "compatible change") + ", none binary-incompatible."));
    }
    if (current.major() > released.major()) {
      return GateDecision.pass(
          count(breaking.size(), "binary-incompatible change")
              + " since the released "
              + released
              + " in "
              + count(artifacts, "published jar")
              + ", allowed because the major version was raised to "
              + current
              + ".");
    }
    StringBuilder message =
        new StringBuilder()
            .append("The Java API breaks code compiled against the released ")
            .append(released)
            .append(", but the project version ")
            .append(current)
            .append(" keeps major version ")
            .append(current.major())
            .append(". ")
            .append(count(breaking.size(), "binary-incompatible change"))
            .append(':');
    breaking.stream()
        .limit(LISTED)
        .forEach(line -> message.append(System.lineSeparator()).append("  - ").append(line));
    if (breaking.size() > LISTED) {
      message
          .append(System.lineSeparator())
          .append("  ... and ")
          .append(breaking.size() - LISTED)
          .append(" more (see the report)");
    }
    message
        .append(System.lineSeparator())
        .append("Undo these changes (a generator upgrade can cause them with no spec change), or")
        .append(" release them as a new major version: set the version to ")
        .append(released.nextMajor())
        .append(" in the poms and in info.version of the spec.");
    return GateDecision.fail(message.toString());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
