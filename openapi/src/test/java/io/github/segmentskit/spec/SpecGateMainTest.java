package io.github.segmentskit.spec;

import static io.github.segmentskit.spec.GateFixtures.base;
import static io.github.segmentskit.spec.GateFixtures.fixture;
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

class SpecGateMainTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, UTF_8);

  @Test
  void failsOnBreakingChangeWithoutMajorBump(@TempDir Path reports) throws IOException {
    Path spec = fixture("newly-required-request-field.yaml");

    SpecGateException e =
        assertThrows(SpecGateException.class, () -> run(base(), spec, "1.3.0", reports));

    assertThat(e.getMessage())
        .startsWith("The spec breaks clients of the released 1.0.0")
        .contains("  - POST /segments request body: field 'description' is now required")
        .contains("set the version to 2.0.0")
        .endsWith("Report: " + reports.resolve("newly-required-request-field.diff.md"));
    assertThat(Files.readString(reports.resolve("newly-required-request-field.diff.md")))
        .contains("## Gate: FAILED")
        .contains("- POST /segments request body: field 'description' is now required");
    assertThat(printed())
        .contains(
            "spec-gate:   [breaking] POST /segments request body: field 'description' is now"
                + " required");
  }

  @Test
  void passesBreakingChangeWithMajorBump(@TempDir Path reports) throws IOException {
    GateDecision decision = run(base(), fixture("removed-operation.yaml"), "2.0.0", reports);

    assertThat(decision.passed()).isTrue();
    assertThat(Files.readString(reports.resolve("removed-operation.diff.md")))
        .contains("## Gate: passed")
        .contains("- DELETE /segments/{segmentId}: removed operation deleteSegment");
  }

  @Test
  void passesCompatibleChangeAndListsItInReportAndLog(@TempDir Path reports) throws IOException {
    GateDecision decision = run(base(), fixture("added-optional-field.yaml"), "1.0.0", reports);

    assertThat(decision.passed()).isTrue();
    assertThat(Files.readString(reports.resolve("added-optional-field.diff.md")))
        .contains("## Compatible changes (2)")
        .contains("added optional field 'customer_count' of type integer");
    assertThat(Files.readString(reports.resolve("added-optional-field.diff.html")))
        .contains("added optional field 'customer_count' of type integer");
    assertThat(printed())
        .contains(
            "spec-gate:   [compatible] POST /segments 201 response: added optional field"
                + " 'customer_count' of type integer")
        .contains("2 compatible changes since the released 1.0.0, no breaking change.");
  }

  @Test
  void failsClearlyWithoutReleasedSpec(@TempDir Path dir) {
    Path missing = dir.resolve("released/segments.v3.yaml");

    SpecGateException e =
        assertThrows(SpecGateException.class, () -> run(missing, base(), "1.0.0", dir));

    assertThat(e).hasMessageStartingWith("No released spec at " + missing);
  }

  @Test
  void rejectsWrongArgumentsWithUsage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SpecGateMain.run(new String[] {"x"}, out));

    assertThat(e).hasMessageStartingWith("usage: SpecGateMain");
  }

  private GateDecision run(Path released, Path spec, String version, Path reports) {
    return SpecGateMain.run(
        new String[] {released.toString(), spec.toString(), version, reports.toString()}, out);
  }

  private String printed() {
    return printed.toString(UTF_8);
  }
}
