package io.github.segmentskit.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the spec: system property {@code segments.spec}, set by Surefire. */
final class Specs {
  private Specs() {}

  static Path segmentsSpec() {
    String configured = System.getProperty("segments.spec");
    Path spec = configured != null ? Path.of(configured) : Path.of("segments.v3.yaml");
    if (!Files.isRegularFile(spec)) {
      throw new IllegalStateException("spec not found at " + spec.toAbsolutePath());
    }
    return spec;
  }
}
