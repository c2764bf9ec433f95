package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarApiDiffTest {

  private static final List<String> ALL = List.of("io.github.segmentskit.*");

  @TempDir Path work;
  private TinyJars jars;
  private final JarApiDiff diff = new JarApiDiff(List.of());

  @BeforeEach
  void setUp() {
    jars = new TinyJars(work);
  }

  private Path widget(String version, String fixture) {
    return jars.build(work.resolve(version), "segments-widget", version, fixture, List.of());
  }

  @Test
  void findsARemovedMethodBinaryIncompatible() {
    List<ApiChange> changes =
        diff.compare(
                List.of(widget("1.0.0", "widget-1")),
                "1.0.0",
                List.of(widget("1.1.0", "widget-size-removed")),
                "1.1.0",
                ALL)
            .changes();

    assertThat(changes)
        .contains(
            new ApiChange(
                "io.github.segmentskit.widget.Widget.size()", "METHOD_REMOVED", false, false));
  }

  @Test
  void findsAnAddedMethodCompatible() {
    List<ApiChange> changes =
        diff.compare(
                List.of(widget("1.0.0", "widget-1")),
                "1.0.0",
                List.of(widget("1.1.0", "widget-color-added")),
                "1.1.0",
                ALL)
            .changes();

    assertThat(changes).isNotEmpty().allMatch(ApiChange::binaryCompatible);
    assertThat(changes)
        .extracting(ApiChange::element)
        .contains("io.github.segmentskit.widget.Widget.color()");
  }

  @Test
  void findsTheWiderTypeOfARegeneratedModelBinaryIncompatible() {
    Path released =
        jars.build(
            work.resolve("1"), "segments-generated-client", "1.0.0", "generated-split", List.of());
    Path regenerated =
        jars.build(
            work.resolve("2"),
            "segments-generated-client",
            "1.0.1",
            "generated-regenerated",
            List.of());

    List<ApiChange> changes =
        diff.compare(List.of(released), "1.0.0", List.of(regenerated), "1.0.1", ALL).changes();

    assertThat(changes)
        .filteredOn(change -> !change.binaryCompatible())
        .extracting(ApiChange::element, ApiChange::change)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "io.github.segmentskit.generated.model.Segment.getCount()",
                "METHOD_RETURN_TYPE_CHANGED"),
            org.assertj.core.groups.Tuple.tuple(
                "io.github.segmentskit.generated.model.Segment.count(java.lang.Integer)",
                "METHOD_REMOVED"));
  }

  @Test
  void comparesOnlyThePackagesItIsGiven() {
    Path released =
        jars.build(work.resolve("1"), "segments-client", "1.0.0", "client-combined", List.of());
    Path regenerated =
        jars.build(
            work.resolve("2"),
            "segments-generated-client",
            "1.0.1",
            "generated-regenerated",
            List.of());

    List<ApiChange> modelPackage =
        diff.compare(
                List.of(released),
                "1.0.0",
                List.of(regenerated),
                "1.0.1",
                List.of("io.github.segmentskit.generated.model"))
            .changes();
    List<ApiChange> otherPackage =
        diff.compare(
                List.of(released),
                "1.0.0",
                List.of(regenerated),
                "1.0.1",
                List.of("io.github.segmentskit.generated.api"))
            .changes();

    assertThat(modelPackage)
        .anyMatch(change -> !change.binaryCompatible())
        .allMatch(change -> change.element().startsWith("io.github.segmentskit.generated.model."));
    // The released jar's client package is not in the new jar: outside the filter, not "removed".
    assertThat(modelPackage).noneMatch(change -> change.element().contains(".client."));
    assertThat(otherPackage).isEmpty();
  }
}
