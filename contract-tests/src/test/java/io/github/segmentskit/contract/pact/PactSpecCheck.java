package io.github.segmentskit.contract.pact;

import static java.util.Objects.requireNonNull;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.pact.PactProviderValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import io.github.segmentskit.contract.SpecValidation;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * The validator's message keys of the errors in {@code report} (e.g. {@code
   * validation.response.status.unknown}), nested messages included: what a check asserts on, rather
   * than on the report's text, which repeats the interaction's description anyway.
   */
  public static Set<String> errorKeys(ValidationReport report) {
    requireNonNull(report, "report == null");
    Set<String> keys = new TreeSet<>();
    report.getMessages().stream()
        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
        .forEach(message -> addKeys(message, keys));
    return keys;
  }

  private static void addKeys(ValidationReport.Message message, Set<String> keys) {
    keys.add(message.getKey());
    message.getNestedMessages().forEach(nested -> addKeys(nested, keys));
  }

  private static String consumerOf(Path pactFile) {
    return pactFile.getFileName().toString().replaceFirst("\\.json$", "");
  }
}
