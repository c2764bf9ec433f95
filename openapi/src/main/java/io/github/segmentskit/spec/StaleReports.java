package io.github.segmentskit.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks the reports of an earlier build as "not run" before this build's tests, so that no report
 * outlives the build it belongs to. The build runs it (exec-maven-plugin, phase {@code
 * process-classes}, before the tests); the spec-change gate rewrites its report in phase {@code
 * verify}, the upstream drift check its own when it runs. A build that stops in between (the spec
 * lint fails, {@code ./mvnw test}, {@code -Dexec.skip=true}) leaves reports that say the check did
 * not run instead of an old "Gate: passed".
 *
 * <p>Arguments: {@code <spec-diff directory> <spec file name> <drift report file>}. The spec-diff
 * report is always written; a drift report is marked only if one exists (the drift check is
 * opt-in).
 */
public final class StaleReports {

  private static final String USAGE =
      "usage: StaleReports <spec-diff directory> <spec file name> <drift report file>";

  static final String GATE_NOT_RUN = "## Gate: not run";
  static final String DRIFT_NOT_RUN = "## Drift check: not run";

  private StaleReports() {}

  public static void main(String[] args) {
    requireNonNull(args, "args == null");
    if (args.length != 3) {
      throw new IllegalArgumentException(USAGE);
    }
    reset(Path.of(args[0]), args[1], Path.of(args[2]));
  }

  /** Writes "not run" spec-diff reports and marks an existing drift report "not run". */
  static void reset(Path specDiffDirectory, String specFileName, Path driftReport) {
    requireNonNull(specDiffDirectory, "specDiffDirectory == null");
    requireNonNull(specFileName, "specFileName == null");
    requireNonNull(driftReport, "driftReport == null");
    String baseName = specFileName.replaceFirst("\\.(ya?ml|json)$", "");
    String why =
        "The check did not run in the last build. Every build resets this report before the"
            + " module's tests, and the check rewrites it in phase `verify`; a build that stops"
            + " earlier (a failing test such as the spec lint, `./mvnw test`, or"
            + " `-Dexec.skip=true`) leaves it like this.";
    write(
        specDiffDirectory.resolve(baseName + ".diff.md"),
        "# "
            + specFileName
            + ": changes since the released spec\n\n"
            + GATE_NOT_RUN
            + "\n\n"
            + why
            + "\n");
    write(
        specDiffDirectory.resolve(baseName + ".diff.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
            + specFileName
            + ": changes since the released spec</title>\n</head>\n<body>\n<h1>"
            + specFileName
            + ": changes since the released spec</h1>\n<h2>Gate: not run</h2>\n<p>"
            + why.replace("`", "")
            + "</p>\n</body>\n</html>\n");
    if (Files.exists(driftReport)) {
      write(
          driftReport,
          "# "
              + specFileName
              + ": drift against BigCommerce's spec\n\n"
              + DRIFT_NOT_RUN
              + "\n\n"
              + "The drift check runs only with `-Dupstream.spec=<file>`. "
              + why
              + "\n");
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
