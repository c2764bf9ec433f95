package io.github.segmentskit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pact-against-spec check really fails: hand-written pacts, each wrong in one way the spec
 * forbids, are rejected; a correct one passes.
 */
class PactSpecCheckTest {

  @Test
  void acceptsAnInteractionTheSpecAllows() throws URISyntaxException {
    PactProviderValidationResults results = PactSpecCheck.validate(fixture("valid-update.json"));

    assertThat(results.hasErrors()).as(results.getValidationFailureReport()).isFalse();
    assertThat(results.getConsumerResults().get(0).getInteractionResults()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "wrong-status.json, 202",
    "field-the-spec-lacks.json, member_count",
    "wrong-field-type.json, created_at",
    "non-uuid-request.json, uuid",
  })
  void rejectsAnInteractionTheSpecForbids(String pact, String named) throws URISyntaxException {
    PactProviderValidationResults results = PactSpecCheck.validate(fixture(pact));

    assertThat(results.hasErrors()).isTrue();
    assertThat(results.getValidationFailureReport()).contains(named);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(PactSpecCheckTest.class.getResource("/pacts-broken/" + name).toURI());
  }
}
