package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.apigate.ArtifactComparison.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaApiGateTest {

  private static final Version V1 = Version.parse("1.0.0");

  private static final ApiChange METHOD_ADDED =
      new ApiChange(
          "io.github.segmentskit.widget.Widget.color()",
          "METHOD_ADDED_TO_PUBLIC_CLASS",
          true,
          true);
  private static final ApiChange METHOD_REMOVED =
      new ApiChange("io.github.segmentskit.widget.Widget.size()", "METHOD_REMOVED", false, false);
  private static final ApiChange GENERICS_CHANGED =
      new ApiChange(
          "io.github.segmentskit.widget.Widget.tags()",
          "METHOD_RETURN_TYPE_GENERICS_CHANGED",
          true,
          false);

  private static List<ArtifactComparison> widget(ApiChange... changes) {
    return List.of(
        new ArtifactComparison(
            "segments-widget", "segments-widget-1.0.0.jar", Status.COMPARED, List.of(changes)));
  }

  @Test
  void passesWithoutAnyChange() {
    GateDecision decision = JavaApiGate.decide(V1, Version.parse("1.0.1"), widget());

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message())
        .isEqualTo("1 published jar against the released 1.0.0: no API change.");
  }

  @Test
  void passesCompatibleChangesInAPatchVersion() {
    GateDecision decision = JavaApiGate.decide(V1, Version.parse("1.0.1"), widget(METHOD_ADDED));

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message()).contains("1 compatible change, none binary-incompatible");
  }

  @Test
  void passesAChangeThatBreaksOnlySourceCompatibility() {
    GateDecision decision =
        JavaApiGate.decide(V1, Version.parse("1.1.0"), widget(GENERICS_CHANGED));

    assertThat(decision.passed()).isTrue();
  }

  @Test
  void failsABinaryIncompatibleChangeThatKeepsTheMajorVersion() {
    GateDecision decision =
        JavaApiGate.decide(V1, Version.parse("1.1.0"), widget(METHOD_ADDED, METHOD_REMOVED));

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message())
        .contains("released 1.0.0, but the project version 1.1.0 keeps major version 1")
        .contains("1 binary-incompatible change:")
        .contains("segments-widget: io.github.segmentskit.widget.Widget.size(): METHOD_REMOVED")
        .contains("set the version to 2.0.0")
        .doesNotContain("color()");
  }

  @Test
  void passesTheSameChangeWhenTheMajorVersionWasRaised() {
    GateDecision decision = JavaApiGate.decide(V1, Version.parse("2.0.0"), widget(METHOD_REMOVED));

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message())
        .isEqualTo(
            "1 binary-incompatible change since the released 1.0.0 in 1 published jar, allowed"
                + " because the major version was raised to 2.0.0.");
  }

  @Test
  void countsARemovedArtifactAsBinaryIncompatible() {
    GateDecision decision =
        JavaApiGate.decide(
            V1, Version.parse("1.1.0"), List.of(ArtifactComparison.removed("segments-gadget", V1)));

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message()).contains("segments-gadget: segments-gadget: ARTIFACT_REMOVED");
  }

  @Test
  void failsAProjectVersionBelowTheRelease() {
    GateDecision decision =
        JavaApiGate.decide(Version.parse("2.1.0"), Version.parse("2.0.5"), widget());

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message()).contains("2.0.5 is lower than the released 2.1.0");
  }

  @Test
  void listsAtMostTwentyChangesAndCountsTheRest() {
    ApiChange[] many = new ApiChange[25];
    for (int i = 0; i < many.length; i++) {
      many[i] = new ApiChange("io.github.segmentskit.widget.W" + i, "CLASS_REMOVED", false, false);
    }
    GateDecision decision = JavaApiGate.decide(V1, Version.parse("1.2.0"), widget(many));

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message())
        .contains("25 binary-incompatible changes:")
        .contains("io.github.segmentskit.widget.W19: CLASS_REMOVED")
        .doesNotContain("io.github.segmentskit.widget.W20:")
        .contains("... and 5 more (see the report)");
  }
}
