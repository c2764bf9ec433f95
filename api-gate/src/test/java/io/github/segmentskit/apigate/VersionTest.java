package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void parsesMajorMinorPatchAndQualifier() {
    assertThat(Version.parse("2.10.3-SNAPSHOT")).isEqualTo(new Version(2, 10, 3, "SNAPSHOT"));
    assertThat(Version.parse("1.0.0").toString()).isEqualTo("1.0.0");
  }

  @Test
  void ordersNumericallyAndAReleaseAfterItsPreRelease() {
    assertThat(Version.parse("1.10.0")).isGreaterThan(Version.parse("1.9.9"));
    assertThat(Version.parse("2.0.0")).isGreaterThan(Version.parse("2.0.0-SNAPSHOT"));
  }

  @Test
  void nextMajorStartsTheNextLine() {
    assertThat(Version.parse("1.4.2").nextMajor()).isEqualTo(Version.parse("2.0.0"));
  }

  @Test
  void rejectsWhatIsNotAVersion() {
    assertThatThrownBy(() -> Version.parse("1.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1.0' is not a version of the form MAJOR.MINOR.PATCH");
    assertThatThrownBy(() -> Version.parse("01.0.0")).isInstanceOf(IllegalArgumentException.class);
  }
}
