package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void parsesMajorMinorPatchAndQualifier() {
    assertThat(ApiVersion.parse("2.10.3-SNAPSHOT")).isEqualTo(new ApiVersion(2, 10, 3, "SNAPSHOT"));
    assertThat(ApiVersion.parse("1.0.0").toString()).isEqualTo("1.0.0");
  }

  @Test
  void ordersNumericallyAndPreReleasesBeforeTheRelease() {
    assertThat(ApiVersion.parse("1.10.0")).isGreaterThan(ApiVersion.parse("1.9.9"));
    assertThat(ApiVersion.parse("2.0.0-SNAPSHOT")).isLessThan(ApiVersion.parse("2.0.0"));
    assertThat(ApiVersion.parse("2.0.0-SNAPSHOT")).isGreaterThan(ApiVersion.parse("1.9.0"));
  }

  @Test
  void nextMajorStartsAtZero() {
    assertThat(ApiVersion.parse("1.4.2").nextMajor()).isEqualTo(ApiVersion.parse("2.0.0"));
  }

  @Test
  void rejectsWhatIsNotAVersionNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.parse("v1.0"));

    assertThat(e).hasMessage("'v1.0' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0");
  }
}
