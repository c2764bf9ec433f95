package io.github.segmentskit.spec;

import static io.github.segmentskit.spec.GateFixtures.fromProperty;
import static io.github.segmentskit.spec.GateFixtures.infoVersion;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The spec and the library share one version: info.version is the project version. */
class SpecVersionTest {

  @Test
  void specInfoVersionEqualsTheProjectVersion() {
    String projectVersion = System.getProperty("segments.version");

    assertThat(projectVersion).as("system property segments.version").isNotBlank();
    assertThat(infoVersion(fromProperty("segments.spec")))
        .as("info.version of openapi/segments.v3.yaml (set it to the pom version)")
        .isEqualTo(projectVersion);
  }
}
