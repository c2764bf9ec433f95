package io.github.segmentskit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pact-against-spec check really fails, and for the right reason: hand-written pacts, each
 * wrong in one way the spec forbids, are rejected with the validator's message key for that fault
 * (not merely with a report that mentions it: the report repeats each interaction's description,
 * which names the fault anyway), on the side that is wrong; a correct one passes.
 */
class PactSpecCheckTest {

  @Test
  void acceptsAnInteractionTheSpecAllows() throws URISyntaxException {
    PactProviderValidationResults results = PactSpecCheck.validate(fixture("valid-update.json"));

    assertThat(results.hasErrors()).as(results.getValidationFailureReport()).isFalse();
    assertThat(onlyReport(results).getMessages())
        .noneMatch(message -> message.getLevel() == ValidationReport.Level.ERROR);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "wrong-status.json,         validation.response.status.unknown",
    "field-the-spec-lacks.json, validation.response.body.schema.additionalProperties",
    "wrong-field-type.json,     validation.response.body.schema.type",
    "non-uuid-request.json,     validation.request.body.schema.format.uuid",
  })
  void rejectsAnInteractionTheSpecForbidsWithTheKeyOfItsFault(String pact, String key)
      throws URISyntaxException {
    PactProviderValidationResults results = PactSpecCheck.validate(fixture(pact));
    Set<String> keys = PactSpecCheck.errorKeys(onlyReport(results));

    assertThat(results.hasErrors()).isTrue();
    assertThat(keys).contains(key);
    String rightSide = key.startsWith("validation.request.") ? "request" : "response";
    assertThat(keys)
        .as("only the %s is wrong", rightSide)
        .allMatch(k -> k.startsWith("validation." + rightSide + "."));
  }

  private static ValidationReport onlyReport(PactProviderValidationResults results) {
    Map<String, ValidationReport> reports =
        results.getConsumerResults().get(0).getInteractionResults();
    assertThat(reports).hasSize(1);
    return reports.values().iterator().next();
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(PactSpecCheckTest.class.getResource("/pacts-broken/" + name).toURI());
  }
}
