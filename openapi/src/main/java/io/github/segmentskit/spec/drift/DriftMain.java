package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The upstream drift check as the build runs it ({@code ./mvnw -pl openapi verify
 * -Dupstream.spec=<file>}, profile {@code upstream-drift} of the openapi module): compares our spec
 * with a copy of BigCommerce's, writes the Markdown report, prints the differences that need
 * attention, and fails the build by throwing {@link DriftException} when a difference is unrecorded
 * (or, with {@code failOnUpstreamChanges}, when BigCommerce changed something).
 *
 * <p>Arguments: {@code <our spec> <upstream spec> <deviations file> <report file>
 * [<failOnUpstreamChanges: true|false>]}.
 */
public final class DriftMain {

  private static final String USAGE =
      "usage: DriftMain <our spec> <upstream spec> <deviations file> <report file>"
          + " [<fail on upstream changes: true|false>]";
  private static final String PREFIX = "upstream-drift: ";

  private DriftMain() {}

  public static void main(String[] args) {
    run(args, System.out);
  }

  /** Runs the check, printing to {@code out}; returns the result if it passed, else throws. */
  static DriftResult run(String[] args, PrintStream out) {
    requireNonNull(args, "args == null");
    requireNonNull(out, "out == null");
    if (args.length != 4 && args.length != 5) {
      throw new IllegalArgumentException(USAGE);
    }
    Path ourSpec = Path.of(args[0]);
    Path upstreamSpec = Path.of(args[1]);
    Path deviationsFile = Path.of(args[2]);
    Path report = Path.of(args[3]);
    boolean failOnUpstreamChanges = args.length == 5 && flag(args[4]);

    SpecReader.Read ours = SpecReader.read(ourSpec, "spec of ours");
    SpecReader.Read upstream = SpecReader.read(upstreamSpec, "upstream spec");
    List<Deviation> deviations;
    try {
      deviations = Deviations.load(deviationsFile);
    } catch (IllegalArgumentException e) {
      throw new DriftException("The deviations file is invalid: " + e.getMessage());
    }
    out.println(
        PREFIX
            + ourSpec.getFileName()
            + " against "
            + upstreamSpec.toAbsolutePath()
            + " with "
            + deviations.size()
            + " recorded deviations ("
            + deviationsFile
            + ")");
    upstream
        .messages()
        .forEach(m -> out.println(PREFIX + "  parser note on the upstream spec: " + m));

    List<Difference> differences = Differences.between(ours.api(), upstream.api());
    DriftResult result = DriftClassifier.classify(differences, deviations);
    String upstreamVersion =
        upstream.api().getInfo() == null ? null : upstream.api().getInfo().getVersion();
    DriftReport.write(
        report,
        new DriftReport.Inputs(
            ourSpec,
            upstreamSpec.toAbsolutePath(),
            upstreamVersion,
            deviationsFile,
            deviations.size(),
            failOnUpstreamChanges),
        result);

    for (Difference difference : result.unrecorded()) {
      out.println(
          PREFIX + "  [unrecorded] " + difference.key().operation() + " " + difference.describe());
    }
    for (DriftResult.UpstreamChange change : result.upstreamChanges()) {
      out.println(
          PREFIX
              + "  [upstream change] "
              + change.difference().key().operation()
              + " "
              + change.difference().describe());
    }
    for (Deviation deviation : result.unused()) {
      out.println(PREFIX + "  [recorded nothing] " + deviation.id());
    }
    out.println(PREFIX + "report: " + report);
    String verdict = DriftReport.verdict(result, failOnUpstreamChanges);
    out.println(PREFIX + verdict);
    if (!result.passed(failOnUpstreamChanges)) {
      throw new DriftException(verdict + System.lineSeparator() + "Report: " + report);
    }
    return result;
  }

  private static boolean flag(String text) {
    if (text.isBlank() || text.equalsIgnoreCase("false")) {
      return false;
    }
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    throw new IllegalArgumentException(
        "fail on upstream changes must be true or false, was " + text);
  }
}
