package io.github.segmentskit.spec.drift;

import static io.github.segmentskit.spec.drift.DriftFixtures.at;
import static io.github.segmentskit.spec.drift.DriftFixtures.changed;
import static io.github.segmentskit.spec.drift.DriftFixtures.deviations;
import static io.github.segmentskit.spec.drift.DriftFixtures.ours;
import static io.github.segmentskit.spec.drift.DriftFixtures.upstream;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check as the build runs it: its output, its report, and when it fails the build. */
class DriftMainTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, UTF_8);

  @TempDir Path dir;

  @Test
  void passesAndWritesTheReportWhenEveryDifferenceIsRecorded() throws IOException {
    Path report = dir.resolve("upstream-drift/ours.drift.md");

    DriftResult result = run(ours(), upstream(), report, "false");

    assertThat(result.recorded()).hasSize(16);
    assertThat(Files.readString(report))
        .startsWith("# ours.yaml: drift against BigCommerce's spec\n\n## Drift check: passed\n")
        .contains("| recorded deviations | 16 | no |")
        .contains("## Unrecorded differences (0)\n\nNone.")
        .contains("### GET /segments\n\n")
        .contains(
            "\n- `parameter id:in (query)` explode: ours `false`, upstream `true` —"
                + " `id-in-comma-separated`\n")
        .contains("- **`limit-bounds`**: The page-size maximum of bulk endpoints. Source: fixture");
    assertThat(printed())
        .contains("upstream-drift: ours.yaml against " + upstream().toAbsolutePath())
        .contains(
            "upstream-drift: passed: 0 unrecorded differences, 0 upstream changes, 16"
                + " recorded deviations.");
  }

  @Test
  void failsOnAnUnrecordedDifferenceAndSaysWhatToDo() throws IOException {
    Path upstream =
        changed(
            dir,
            upstream(),
            root -> at(root, "paths", "/segments", "get").put("operationId", "ListSegments"));
    Path report = dir.resolve("drift.md");

    DriftException e =
        assertThrows(DriftException.class, () -> run(ours(), upstream, report, "false"));

    assertThat(e.getMessage())
        .startsWith("FAILED: 1 unrecorded difference, 0 upstream changes, 16 recorded deviations.")
        .contains("Record each unrecorded difference in the deviations file")
        .endsWith("Report: " + report);
    assertThat(Files.readString(report))
        .contains("## Drift check: FAILED")
        .contains("## Unrecorded differences (1)")
        .contains(
            "### GET /segments\n\n- `operation` operationId: ours `GetSegments`, upstream"
                + " `ListSegments`\n");
    assertThat(printed())
        .contains(
            "upstream-drift:   [unrecorded] GET /segments `operation` operationId: ours"
                + " `GetSegments`, upstream `ListSegments`");
  }

  @Test
  void failsOnAnUpstreamChangeOnlyWhenAskedTo() {
    Path upstream =
        changed(
            dir,
            upstream(),
            root ->
                at(root, "paths", "/segments", "post", "responses")
                    .putObject("207")
                    .put("description", "Partly written."));

    DriftResult lenient = run(ours(), upstream, dir.resolve("lenient.md"), "false");
    DriftException strict =
        assertThrows(
            DriftException.class, () -> run(ours(), upstream, dir.resolve("strict.md"), "true"));

    assertThat(lenient.upstreamChanges()).hasSize(1);
    assertThat(strict)
        .hasMessageStartingWith("FAILED: 0 unrecorded differences, 1 upstream change");
    assertThat(printed())
        .contains(
            "upstream-drift:   [upstream change] POST /segments `response 207` exists: ours"
                + " absent, upstream `yes`");
  }

  @Test
  void failsClearlyWithoutTheUpstreamSpec() {
    Path missing = dir.resolve("segments.v3.yml");

    DriftException e =
        assertThrows(
            DriftException.class, () -> run(ours(), missing, dir.resolve("r.md"), "false"));

    assertThat(e).hasMessageStartingWith("No upstream spec at " + missing.toAbsolutePath());
  }

  @Test
  void rejectsWrongArgumentsWithUsage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DriftMain.run(new String[] {"x"}, out));

    assertThat(e).hasMessageStartingWith("usage: DriftMain");
  }

  private DriftResult run(Path ours, Path upstream, Path report, String failOnChanges) {
    return DriftMain.run(
        new String[] {
          ours.toString(),
          upstream.toString(),
          deviations().toString(),
          report.toString(),
          failOnChanges
        },
        out);
  }

  private String printed() {
    return printed.toString(UTF_8);
  }
}
