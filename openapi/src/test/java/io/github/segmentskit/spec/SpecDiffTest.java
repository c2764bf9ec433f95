package io.github.segmentskit.spec;

import static io.github.segmentskit.spec.GateFixtures.base;
import static io.github.segmentskit.spec.GateFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each fixture differs from base.yaml in one way; the diff must name it and judge it right. */
class SpecDiffTest {

  @Test
  void removedOperationIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("removed-operation.yaml"));

    assertThat(diff.compatible()).isFalse();
    assertThat(diff.breakingChanges())
        .containsExactly(
            SpecChange.breaking("DELETE /segments/{segmentId}: removed operation deleteSegment"));
  }

  @Test
  void removedParameterIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("removed-parameter.yaml"));

    assertThat(diff.changes())
        .containsExactly(SpecChange.breaking("GET /segments: removed query parameter 'page'"));
  }

  @Test
  void removedResponseFieldIsBreakingThoughOpenApiDiffCallsItCompatible() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("removed-response-field.yaml"));

    assertThat(diff.changes())
        .containsExactlyInAnyOrder(
            SpecChange.breaking("GET /segments 200 response: removed field 'data[].name'"),
            SpecChange.breaking("POST /segments 201 response: removed field 'name'"));
    assertThat(diff.markdownDetails()).contains("API changes are backward compatible");
  }

  @Test
  void removedRequestFieldIsBreakingBecauseTheClientLosesItsSetter() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("removed-request-field.yaml"));

    assertThat(diff.changes())
        .containsExactly(
            SpecChange.breaking("POST /segments request body: removed field 'priority'"));
  }

  @Test
  void renamedOperationIdIsBreakingBecauseTheClientMethodIsRenamed() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("renamed-operation-id.yaml"));

    assertThat(diff.changes())
        .containsExactly(
            SpecChange.breaking(
                "GET /segments: operationId 'listSegments' renamed to 'listAllSegments' (renames"
                    + " the generated client method)"));
  }

  @Test
  void newlyRequiredRequestFieldIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("newly-required-request-field.yaml"));

    assertThat(diff.changes())
        .containsExactly(
            SpecChange.breaking(
                "POST /segments request body: field 'description' is now required"));
  }

  @Test
  void narrowedTypeIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("narrowed-type.yaml"));

    assertThat(diff.changes())
        .containsExactly(
            SpecChange.breaking(
                "POST /segments request body: field 'priority' changed type from number to"
                    + " integer"));
  }

  @Test
  void narrowedEnumIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("narrowed-enum.yaml"));

    assertThat(diff.changes())
        .containsExactly(
            SpecChange.breaking(
                "POST /segments request body: field 'kind' no longer allows [dynamic]"));
  }

  @Test
  void changedStatusIsBreaking() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("changed-status.yaml"));

    assertThat(diff.compatible()).isFalse();
    assertThat(diff.changes())
        .containsExactlyInAnyOrder(
            SpecChange.breaking("POST /segments: removed response 201"),
            SpecChange.compatible("POST /segments: added response 200"));
  }

  @Test
  void addedOptionalFieldIsCompatibleAndListed() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("added-optional-field.yaml"));

    assertThat(diff.compatible()).isTrue();
    assertThat(diff.changes())
        .containsExactlyInAnyOrder(
            SpecChange.compatible(
                "GET /segments 200 response: added optional field 'data[].customer_count' of type"
                    + " integer"),
            SpecChange.compatible(
                "POST /segments 201 response: added optional field 'customer_count' of type"
                    + " integer"));
  }

  @Test
  void addedOperationIsCompatibleAndListed() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("added-operation.yaml"));

    assertThat(diff.compatible()).isTrue();
    assertThat(diff.changes())
        .containsExactly(
            SpecChange.compatible("GET /segments/{segmentId}: added operation getSegment"));
  }

  @Test
  void identicalSpecsHaveNoChanges() {
    SpecDiffResult diff = SpecDiff.compare(base(), base());

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.compatible()).isTrue();
  }

  @Test
  void readsTheReleasedVersionFromTheBaseline() {
    SpecDiffResult diff = SpecDiff.compare(base(), fixture("added-operation.yaml"));

    assertThat(diff.releasedVersion()).isEqualTo("1.0.0");
  }
}
