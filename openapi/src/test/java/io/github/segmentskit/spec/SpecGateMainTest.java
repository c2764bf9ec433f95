package io.github.segmentskit.spec;

import static io.github.segmentskit.spec.GateFixtures.base;
import static io.github.segmentskit.spec.GateFixtures.fixture;
import static io.github.segmentskit.spec.GateFixtures.fromProperty;
import static io.github.segmentskit.spec.GateFixtures.infoVersion;
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

  // The two examples of docs/spec-changes.md, made on a copy of the real spec and compared with it.
  // That the spec passes against the released one is the gate's own job in every build (exec:java,
  // phase verify): a test doing it too would fail first and hide the gate's message.

  @Test
  void addingAnOptionalSegmentFieldToTheSpecPasses(@TempDir Path dir) throws IOException {
    Path changed =
        changeSpec(
            dir,
            "    Segment:\n      type: object\n      description: A named group of shoppers.\n"
                + "      required:\n        - id\n      properties:\n",
            "        customer_count:\n          type: integer\n");

    GateDecision decision = run(spec(), changed, specVersion(), dir);

    assertThat(decision.passed()).isTrue();
    assertThat(printed())
        .contains(
            "spec-gate:   [compatible] GET /segments 200 response: added optional field"
                + " 'data[].customer_count' of type integer");
  }

  @Test
  void makingSegmentPostDescriptionRequiredFails(@TempDir Path dir) throws IOException {
    Path changed =
        changeSpec(
            dir,
            "      description: A segment to create.\n      required:\n        - name\n",
            "        - description\n");

    SpecGateException e =
        assertThrows(SpecGateException.class, () -> run(spec(), changed, specVersion(), dir));

    assertThat(e.getMessage())
        .contains("  - POST /segments request body: field '[].description' is now required");
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

  /** Writes the spec with {@code insertion} after {@code anchor} into {@code dir}. */
  private static Path changeSpec(Path dir, String anchor, String insertion) throws IOException {
    String spec = Files.readString(spec());
    assertThat(spec).as("the spec still has the block the example changes").contains(anchor);
    Path changed = dir.resolve("segments.v3.yaml");
    Files.writeString(changed, spec.replace(anchor, anchor + insertion));
    return changed;
  }

  private static Path spec() {
    return fromProperty("segments.spec");
  }

  private static String specVersion() {
    return infoVersion(spec());
  }

  private String printed() {
    return printed.toString(UTF_8);
  }
}
