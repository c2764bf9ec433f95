package io.github.segmentskit.spec;

import static io.github.segmentskit.spec.GateFixtures.base;
import static io.github.segmentskit.spec.GateFixtures.fixture;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of an earlier build never passes for the current one. */
class StaleReportsTest {

  @TempDir Path dir;

  @Test
  void aPassedGateReportOfAnEarlierBuildSaysNotRunAfterTheReset() throws IOException {
    Path reports = dir.resolve("spec-diff");
    runGate(fixture("added-optional-field.yaml"), reports);
    Path markdown = reports.resolve("added-optional-field.diff.md");
    assertThat(Files.readString(markdown)).contains("## Gate: passed");

    StaleReports.reset(reports, "added-optional-field.yaml", dir.resolve("drift/x.drift.md"));

    assertThat(Files.readString(markdown))
        .contains(StaleReports.GATE_NOT_RUN)
        .doesNotContain("Gate: passed")
        .contains("a failing test such as the spec lint");
    assertThat(Files.readString(reports.resolve("added-optional-field.diff.html")))
        .contains("<h2>Gate: not run</h2>")
        .doesNotContain("Gate: passed");
  }

  @Test
  void writesANotRunReportWhereThereWasNone() throws IOException {
    Path reports = dir.resolve("spec-diff");

    StaleReports.reset(reports, "segments.v3.yaml", dir.resolve("drift/segments.v3.drift.md"));

    assertThat(Files.readString(reports.resolve("segments.v3.diff.md")))
        .startsWith("# segments.v3.yaml: changes since the released spec\n\n## Gate: not run\n");
    assertThat(dir.resolve("drift")).doesNotExist();
  }

  @Test
  void marksAnEarlierDriftReportNotRun() throws IOException {
    Path drift = dir.resolve("drift/segments.v3.drift.md");
    Files.createDirectories(drift.getParent());
    Files.writeString(drift, "# segments.v3.yaml: drift\n\n## Drift check: passed\n", UTF_8);

    StaleReports.reset(dir.resolve("spec-diff"), "segments.v3.yaml", drift);

    assertThat(Files.readString(drift))
        .contains(StaleReports.DRIFT_NOT_RUN)
        .contains("-Dupstream.spec=<file>")
        .doesNotContain("Drift check: passed");
  }

  private static void runGate(Path spec, Path reports) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    SpecGateMain.run(
        new String[] {base().toString(), spec.toString(), "1.0.0", reports.toString()}, quiet);
  }
}
