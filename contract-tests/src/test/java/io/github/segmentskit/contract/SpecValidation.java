package io.github.segmentskit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place the contract suites get a validator of traffic against the kit's spec. */
public final class SpecValidation {
  /** The store every suite talks to; the spec's server URL has it as the store_hash variable. */
  public static final String STORE_HASH = "abc123";

  /**
   * Where the API lives below a server's root: the spec server URL's path for {@link #STORE_HASH}.
   */
  public static final String BASE_PATH = "/stores/" + STORE_HASH + "/v3";

  private SpecValidation() {}

  /** The spec file, from system property {@code segments.spec} (set by Surefire and Failsafe). */
  public static Path spec() {
    String configured = System.getProperty("segments.spec");
    if (configured == null) {
      throw new IllegalStateException("system property segments.spec is not set");
    }
    Path spec = Path.of(configured);
    if (!Files.isRegularFile(spec)) {
      throw new IllegalStateException("spec not found at " + spec.toAbsolutePath());
    }
    return spec;
  }

  /**
   * A validator of requests and responses under {@link #BASE_PATH}. Unknown fields in bodies are
   * errors (Atlassian's default), so a pact or a stub cannot drift from the spec by adding fields.
   */
  public static OpenApiInteractionValidator validator() {
    return OpenApiInteractionValidator.createForSpecificationUrl(spec().toUri().toString())
        .withBasePathOverride(BASE_PATH)
        .withStrictOperationPathMatching()
        .build();
  }
}
