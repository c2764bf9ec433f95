package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

  private static final ApiVersion RELEASED = ApiVersion.parse("1.0.0");
  private static final SpecChange REQUIRED_DESCRIPTION =
      SpecChange.breaking("POST /segments request body: field 'description' is now required");
  private static final SpecChange ADDED_FIELD =
      SpecChange.compatible("GET /segments 200 response: added optional field 'data[].x'");

  @Test
  void passesWhenNothingChanged() {
    GateDecision decision = CompatibilityGate.decide(RELEASED, RELEASED, diff());

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message()).isEqualTo("No API change since the released 1.0.0.");
  }

  @Test
  void passesCompatibleChangesAtTheSameVersion() {
    GateDecision decision = CompatibilityGate.decide(RELEASED, RELEASED, diff(ADDED_FIELD));

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message())
        .isEqualTo("1 compatible change since the released 1.0.0, no breaking change.");
  }

  @Test
  void failsBreakingChangeWithoutMajorBump() {
    GateDecision decision =
        CompatibilityGate.decide(
            RELEASED, ApiVersion.parse("1.1.0"), diff(ADDED_FIELD, REQUIRED_DESCRIPTION));

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "The spec breaks clients of the released 1.0.0, but the project version 1.1.0"
                    + " keeps major version 1. 1 breaking change:",
                "  - POST /segments request body: field 'description' is now required",
                "Undo these changes, or release them as a new major version: set the version to"
                    + " 2.0.0 in the poms and in info.version of the spec."));
  }

  @Test
  void passesBreakingChangeWithMajorBump() {
    GateDecision decision =
        CompatibilityGate.decide(RELEASED, ApiVersion.parse("2.0.0"), diff(REQUIRED_DESCRIPTION));

    assertThat(decision.passed()).isTrue();
    assertThat(decision.message())
        .isEqualTo(
            "1 breaking change since the released 1.0.0, allowed because the major version was"
                + " raised to 2.0.0.");
  }

  @Test
  void passesBreakingChangeOnAPreReleaseOfTheNextMajor() {
    GateDecision decision =
        CompatibilityGate.decide(
            RELEASED, ApiVersion.parse("2.0.0-SNAPSHOT"), diff(REQUIRED_DESCRIPTION));

    assertThat(decision.passed()).isTrue();
  }

  @Test
  void failsVersionBelowTheRelease() {
    GateDecision decision =
        CompatibilityGate.decide(
            ApiVersion.parse("1.2.0"), ApiVersion.parse("1.1.9"), diff(ADDED_FIELD));

    assertThat(decision.passed()).isFalse();
    assertThat(decision.message())
        .startsWith("The project version 1.1.9 is lower than the released 1.2.0.");
  }

  @Test
  void rejectsNullArguments() {
    assertThrows(
        NullPointerException.class, () -> CompatibilityGate.decide(null, RELEASED, diff()));
  }

  private static SpecDiffResult diff(SpecChange... changes) {
    return new SpecDiffResult("1.0.0", List.of(changes), "", "");
  }
}
