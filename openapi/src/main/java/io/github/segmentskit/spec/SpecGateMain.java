package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec-change gate as the build runs it (exec-maven-plugin, phase {@code verify} of the {@code
 * openapi} module): compares the current spec with the released one, writes the report, prints
 * every change, and fails the build by throwing {@link SpecGateException} when the spec breaks
 * clients without a major version bump.
 *
 * <p>Arguments: {@code <released spec> <current spec> <project version> <report directory>}.
 */
public final class SpecGateMain {

  private static final String USAGE =
      "usage: SpecGateMain <released spec> <current spec> <project version> <report directory>";
  private static final String PREFIX = "spec-gate: ";

  private SpecGateMain() {}

  /** Runs the gate; throws (and so fails {@code exec:java}) if it does not pass. */
  public static void main(String[] args) {
    run(args, System.out);
  }

  /** Runs the gate, printing to {@code out}; returns the decision if it passed, else throws. */
  static GateDecision run(String[] args, PrintStream out) {
    requireNonNull(args, "args == null");
    requireNonNull(out, "out == null");
    if (args.length != 4) {
      throw new IllegalArgumentException(USAGE);
    }
    Path released = Path.of(args[0]);
    Path current = Path.of(args[1]);
    ApiVersion projectVersion = ApiVersion.parse(args[2]);
    Path reportDirectory = Path.of(args[3]);
    if (!Files.isRegularFile(released)) {
      throw new SpecGateException(
          "No released spec at "
              + released
              + ". Record the first release with scripts/release-spec.sh (see docs/spec-changes.md).");
    }
    if (!Files.isRegularFile(current)) {
      throw new SpecGateException("No spec at " + current);
    }

    long start = System.nanoTime();
    SpecDiffResult diff = SpecDiff.compare(released, current);
    ApiVersion releasedVersion = parseReleased(diff.releasedVersion(), released);
    GateDecision decision = CompatibilityGate.decide(releasedVersion, projectVersion, diff);
    SpecDiffReport.ReportFiles report =
        SpecDiffReport.write(reportDirectory, current.getFileName().toString(), diff, decision);
    long millis = (System.nanoTime() - start) / 1_000_000;

    out.println(
        PREFIX
            + current.getFileName()
            + " (project "
            + projectVersion
            + ") against the released "
            + releasedVersion
            + " ("
            + released
            + ")");
    for (SpecChange change : diff.changes()) {
      out.println(PREFIX + "  " + change);
    }
    out.println(PREFIX + "report: " + report.markdown() + " (and .html)");
    if (!decision.passed()) {
      out.println(PREFIX + "FAILED after " + millis + " ms");
      throw new SpecGateException(
          decision.message() + System.lineSeparator() + "Report: " + report.markdown());
    }
    out.println(PREFIX + "passed in " + millis + " ms: " + decision.message());
    return decision;
  }

  private static ApiVersion parseReleased(String version, Path released) {
    try {
      return ApiVersion.parse(version);
    } catch (IllegalArgumentException e) {
      throw new SpecGateException("info.version of " + released + ": " + e.getMessage());
    }
  }
}
