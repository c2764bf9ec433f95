package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate end to end, as the build runs it, on tiny jars: a released directory, the jars "this
 * build publishes", the reports. These are the control tests: each failing case is one the build
 * must refuse.
 */
class ApiGateMainTest {

  @TempDir Path work;
  private TinyJars jars;
  private Path released;
  private Path reports;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    jars = new TinyJars(work);
    released = work.resolve("released");
    reports = work.resolve("target/japicmp");
  }

  private GateDecision run(String version, boolean record, Path... published) {
    String list =
        Stream.of(published).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    return ApiGateMain.run(
        new String[] {
          released.toString(), version, reports.toString(), list, "", Boolean.toString(record)
        },
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private Path built(
      String artifactId, String version, String fixture, List<String> deps, Path... cp) {
    return jars.build(work.resolve("build-" + version), artifactId, version, fixture, deps, cp);
  }

  @Test
  void failsTheBuildOnABinaryIncompatibleChangeThatKeepsTheMajorVersion() throws IOException {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "1.1.0", "widget-size-removed", List.of());

    assertThatThrownBy(() -> run("1.1.0", false, widget))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining("the project version 1.1.0 keeps major version 1")
        .hasMessageContaining(
            "segments-widget: io.github.segmentskit.widget.Widget.size(): METHOD_REMOVED")
        .hasMessageContaining("set the version to 2.0.0")
        .hasMessageContaining("Report: " + reports.resolve("api-gate.md"));
    assertThat(printed()).contains("api-gate: FAILED after");
    assertThat(Files.readString(reports.resolve("api-gate.md")))
        .contains("## Gate: FAILED")
        .contains("- `io.github.segmentskit.widget.Widget.size()`: METHOD_REMOVED");
    assertThat(reports.resolve("segments-widget.md")).exists();
    assertThat(reports.resolve("segments-widget.html")).exists();
  }

  @Test
  void letsTheSameChangeThroughWhenTheMajorVersionWasRaisedAndReportsIt() throws IOException {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "2.0.0", "widget-size-removed", List.of());

    GateDecision decision = run("2.0.0", false, widget);

    assertThat(decision.passed()).isTrue();
    assertThat(printed())
        .contains(
            "segments-widget against segments-widget-1.0.0.jar: 1 changes, 1 binary-incompatible")
        .contains(
            "[binary-incompatible] io.github.segmentskit.widget.Widget.size(): METHOD_REMOVED")
        .contains("allowed because the major version was raised to 2.0.0");
    assertThat(Files.readString(reports.resolve("api-gate.md"))).contains("## Gate: passed");
  }

  @Test
  void passesACompatibleAdditionInAPatchVersion() {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "1.0.1", "widget-color-added", List.of());

    assertThat(run("1.0.1", false, widget).passed()).isTrue();
  }

  @Test
  void catchesAGeneratorUpgradeThatChangedAGeneratedModelWithTheSameMajorVersion() {
    jars.build(released, "segments-client", "1.0.0", "client-combined", List.of());
    Path generated =
        built("segments-generated-client", "1.1.0", "generated-regenerated", List.of());
    Path client =
        built(
            "segments-client",
            "1.1.0",
            "client-split",
            List.of("segments-generated-client"),
            generated);

    assertThatThrownBy(() -> run("1.1.0", false, client, generated))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining(
            "segments-generated-client: io.github.segmentskit.generated.model.Segment.getCount():"
                + " METHOD_RETURN_TYPE_CHANGED")
        .hasMessageContaining(
            "segments-client: io.github.segmentskit.generated.model.Segment.getCount():"
                + " METHOD_RETURN_TYPE_CHANGED");
    assertThat(printed())
        .contains("segments-generated-client against its packages in segments-client-1.0.0.jar");
  }

  @Test
  void splittingAReleasedJarIntoTwoWithTheSameApiIsNoBreak() {
    jars.build(released, "segments-client", "1.0.0", "client-combined", List.of());
    Path generated = built("segments-generated-client", "1.1.0", "generated-split", List.of());
    Path client =
        built(
            "segments-client",
            "1.1.0",
            "client-split",
            List.of("segments-generated-client"),
            generated);

    GateDecision decision = run("1.1.0", false, client, generated);

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message()).contains("2 published jars against the released 1.0.0");
  }

  @Test
  void aNewJarWithNewPackagesIsComparedWithNothing() {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "1.1.0", "widget-1", List.of());
    Path gadget = built("segments-gadget", "1.1.0", "gadget-1", List.of());

    assertThat(run("1.1.0", false, widget, gadget).passed()).isTrue();
    assertThat(printed()).contains("segments-gadget against nothing: new in 1.1.0: 0 changes");
  }

  @Test
  void aReleasedArtifactThatIsNoLongerBuiltIsABreak() {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    jars.build(released, "segments-gadget", "1.0.0", "gadget-1", List.of());
    Path widget = built("segments-widget", "1.1.0", "widget-1", List.of());

    assertThatThrownBy(() -> run("1.1.0", false, widget))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining(
            "segments-gadget: segments-gadget: ARTIFACT_REMOVED (released in 1.0.0)");
  }

  @Test
  void refusesAJarBuiltAsAnotherVersionThanTheProject() {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path stale = built("segments-widget", "1.0.0", "widget-1", List.of());

    assertThatThrownBy(() -> run("1.1.0", false, stale))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining(
            "was built as segments-widget 1.0.0, but the project version is 1.1.0");
  }

  @Test
  void refusesAReleasedDirectoryHoldingTwoVersions() {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    jars.build(released, "segments-gadget", "1.1.0", "gadget-1", List.of());
    Path widget = built("segments-widget", "1.2.0", "widget-1", List.of());

    assertThatThrownBy(() -> run("1.2.0", false, widget))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining("holds jars of several versions");
  }

  @Test
  void recordingAReleaseReplacesTheReleasedJarsWithTheJarsJustCompared() throws IOException {
    jars.build(released, "segments-widget", "1.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "2.0.0", "widget-size-removed", List.of());

    run("2.0.0", true, widget);

    try (Stream<Path> files = Files.list(released)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactly("segments-widget-2.0.0.jar");
    }
    assertThat(Files.readAllBytes(released.resolve("segments-widget-2.0.0.jar")))
        .isEqualTo(Files.readAllBytes(widget));
  }

  @Test
  void recordingAVersionThatIsAlreadyRecordedChangesNothing() throws IOException {
    Path recorded = jars.build(released, "segments-widget", "2.0.0", "widget-1", List.of());
    byte[] before = Files.readAllBytes(recorded);
    Path widget = built("segments-widget", "2.0.0", "widget-1", List.of());

    run("2.0.0", true, widget);

    assertThat(printed()).contains("already holds the jars of 2.0.0; nothing to do");
    assertThat(Files.readAllBytes(recorded)).isEqualTo(before);
  }

  @Test
  void refusesToRecordAChangedApiUnderTheReleasedVersion() {
    jars.build(released, "segments-widget", "2.0.0", "widget-1", List.of());
    Path widget = built("segments-widget", "2.0.0", "widget-color-added", List.of());

    assertThatThrownBy(() -> run("2.0.0", true, widget))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining("differs from the released 2.0.0 but the version is still 2.0.0");
  }

  @Test
  void withoutAReleasedJarItAsksForARecordedRelease() {
    Path widget = built("segments-widget", "1.0.0", "widget-1", List.of());

    assertThatThrownBy(() -> run("1.0.0", false, widget))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining("No released jars in " + released)
        .hasMessageContaining("scripts/release-api.sh");
  }
}
