package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Decides whether the spec may be built at the project's version: a pure function of the released
 * version, the project version and the changes found.
 *
 * <p>Compatible changes always pass. Breaking changes pass only when the project's major version is
 * above the released one (1.4.0 to 2.0.0); otherwise the build fails and says which changes break
 * and what to do. A project version below the released one fails too.
 */
final class CompatibilityGate {

  private CompatibilityGate() {}

  static GateDecision decide(ApiVersion released, ApiVersion current, SpecDiffResult diff) {
    requireNonNull(released, "released == null");
    requireNonNull(current, "current == null");
    requireNonNull(diff, "diff == null");

    if (current.compareTo(released) < 0) {
      return GateDecision.fail(
          "The project version "
              + current
              + " is lower than the released "
              + released
              + ". A new version must not go below the last release.");
    }
    List<SpecChange> breaking = diff.breakingChanges();
    if (breaking.isEmpty()) {
      int compatible = diff.compatibleChanges().size();
      return GateDecision.pass(
          compatible == 0
              ? "No API change since the released " + released + "."
              : count(compatible, "compatible change")
                  + " since the released "
                  + released
                  + ", no breaking change.");
    }
    if (current.major() > released.major()) {
      return GateDecision.pass(
          count(breaking.size(), "breaking change")
              + " since the released "
              + released
              + ", allowed because the major version was raised to "
              + current
              + ".");
    }
    StringBuilder message =
        new StringBuilder()
            .append("The spec breaks clients of the released ")
            .append(released)
            .append(", but the project version ")
            .append(current)
            .append(" keeps major version ")
            .append(current.major())
            .append(". ")
            .append(count(breaking.size(), "breaking change"))
            .append(':');
    for (SpecChange change : breaking) {
      message.append(System.lineSeparator()).append("  - ").append(change.description());
    }
    message
        .append(System.lineSeparator())
        .append("Undo these changes, or release them as a new major version: set the version to ")
        .append(released.nextMajor())
        .append(" in the poms and in info.version of the spec.");
    return GateDecision.fail(message.toString());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
