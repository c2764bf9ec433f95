package io.github.segmentskit.spec.drift;

import static io.github.segmentskit.spec.drift.DriftFixtures.at;
import static io.github.segmentskit.spec.drift.DriftFixtures.changed;
import static io.github.segmentskit.spec.drift.DriftFixtures.deviations;
import static io.github.segmentskit.spec.drift.DriftFixtures.differences;
import static io.github.segmentskit.spec.drift.DriftFixtures.ours;
import static io.github.segmentskit.spec.drift.DriftFixtures.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How the drift check sorts differences, on the fixtures and changed copies of them. */
class DriftClassifierTest {

  @TempDir Path dir;

  @Test
  void passesWhenEveryDifferenceIsRecorded() {
    DriftResult result = classify(ours(), upstream(), Deviations.load(deviations()));

    assertThat(result.unrecorded()).isEmpty();
    assertThat(result.upstreamChanges()).isEmpty();
    assertThat(result.unused()).isEmpty();
    assertThat(result.recorded()).hasSize(differences(ours(), upstream()).size());
    assertThat(result.passed(true)).isTrue();
  }

  static Stream<String> recordedIds() {
    return Deviations.load(deviations()).stream().map(Deviation::id);
  }

  @ParameterizedTest
  @MethodSource("recordedIds")
  void withoutAnyOneRecordTheCheckNoLongerPasses(String id) {
    List<Deviation> fewer =
        Deviations.load(deviations()).stream().filter(d -> !d.id().equals(id)).toList();

    DriftResult result = classify(ours(), upstream(), fewer);

    // A difference our spec makes fails at once; one only upstream makes is an upstream change,
    // which fails with -Dupstream.failOnChanges=true.
    assertThat(result.passed(true)).as("without '%s'", id).isFalse();
    if (!id.equals("upstream-id-unnamed")) {
      assertThat(result.unrecorded()).as("without '%s'", id).isNotEmpty();
      assertThat(result.passed(false)).isFalse();
    }
  }

  @Test
  void anUnrecordedDifferenceOfOursFails() {
    Path ours =
        changed(
            dir,
            ours(),
            root ->
                at(root, "components", "schemas", "SegmentPost", "properties", "name")
                    .put("maxLength", 100));

    DriftResult result = classify(ours, upstream(), Deviations.load(deviations()));

    assertThat(result.unrecorded())
        .extracting(Difference::describe)
        .containsExactly("`request body[].name` maxLength: ours `100`, upstream absent");
    assertThat(result.passed(false)).isFalse();
  }

  @Test
  void somethingOnlyUpstreamSaysIsAnUpstreamChangeThatFailsOnlyWhenAskedTo() {
    Path upstream =
        changed(
            dir,
            upstream(),
            root ->
                at(root, "paths", "/segments", "post", "responses")
                    .putObject("207")
                    .put("description", "Partly written."));

    DriftResult result = classify(ours(), upstream, Deviations.load(deviations()));

    assertThat(result.unrecorded()).isEmpty();
    assertThat(result.upstreamChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.difference().describe())
                  .isEqualTo("`response 207` exists: ours absent, upstream `yes`");
              assertThat(change.deviation()).isNull();
              assertThat(change.why()).contains("adopt it or record it");
            });
    assertThat(result.passed(false)).isTrue();
    assertThat(result.passed(true)).isFalse();
  }

  @Test
  void upstreamMovingWhereADeviationIsRecordedIsAnUpstreamChangeNamingTheDeviation() {
    Path upstream =
        changed(
            dir,
            upstream(),
            root ->
                at(
                        (ObjectNode)
                            ((ArrayNode) at(root, "paths", "/segments", "get").get("parameters"))
                                .get(0),
                        "schema")
                    .put("maximum", 100));

    DriftResult result = classify(ours(), upstream, Deviations.load(deviations()));

    assertThat(result.unrecorded()).isEmpty();
    assertThat(result.upstreamChanges())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.deviation().id()).isEqualTo("limit-bounds");
              assertThat(change.why())
                  .contains("'limit-bounds'")
                  .contains("recorded upstream: absent");
            });
    assertThat(result.unused()).isEmpty();
  }

  @Test
  void ourSpecMovingWhereADeviationIsRecordedIsUnrecordedAndTheRecordUnused() {
    Path ours =
        changed(
            dir,
            ours(),
            root ->
                at(
                        (ObjectNode)
                            ((ArrayNode) at(root, "paths", "/segments", "get").get("parameters"))
                                .get(1),
                        "schema")
                    .put("maximum", 500));

    DriftResult result = classify(ours, upstream(), Deviations.load(deviations()));

    assertThat(result.unrecorded())
        .extracting(Difference::describe)
        .containsExactly("`parameter limit (query)` maximum: ours `500`, upstream absent");
    assertThat(result.unused()).extracting(Deviation::id).containsExactly("limit-bounds");
  }

  @Test
  void aRecordThatMatchesNothingIsListedAsUnusedButDoesNotFail() {
    Path upstream =
        changed(
            dir,
            upstream(),
            root ->
                at(root, "components", "parameters", "Accept", "schema")
                    .putArray("enum")
                    .add("application/json"));

    DriftResult result = classify(ours(), upstream, Deviations.load(deviations()));

    assertThat(result.unused()).extracting(Deviation::id).containsExactly("accept-enum");
    assertThat(result.passed(true)).isTrue();
  }

  private static DriftResult classify(Path ours, Path upstream, List<Deviation> deviations) {
    return DriftClassifier.classify(differences(ours, upstream), deviations);
  }
}
