package io.github.segmentskit.contract.pact;

import static java.util.Objects.requireNonNull;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import io.github.segmentskit.contract.SpecValidation;
import java.nio.file.Path;

/**
 * Checks every interaction of a pact file against the kit's OpenAPI spec (Atlassian's pact
 * validator): request and response must both be valid, so the pacts and the spec cannot drift.
 */
public final class PactSpecCheck {
  private PactSpecCheck() {}

  /** Validates the pact at {@code pactFile}; the result lists each failed interaction. */
  public static PactProviderValidationResults validate(Path pactFile) {
    requireNonNull(pactFile, "pactFile == null");
    return PactProviderValidator.createFor(SpecValidation.validator())
        .withConsumer(consumerOf(pactFile), pactFile.toAbsolutePath().toString())
        .build()
        .validate();
  }

  private static String consumerOf(Path pactFile) {
    return pactFile.getFileName().toString().replaceFirst("\\.json$", "");
  }
}
