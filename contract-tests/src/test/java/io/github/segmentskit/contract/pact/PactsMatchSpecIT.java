package io.github.segmentskit.contract.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.pact.PactProviderValidationResults;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pacts the consumer tests wrote (Surefire, before this Failsafe IT) agree with the spec: every
 * interaction's request and response is valid against {@code openapi/segments.v3.yaml}, and
 * together they cover all eleven operations.
 *
 * <p>One pact is left out of the validity check, on purpose and by name: {@value
 * Pacts#RAW_PROBE_CONSUMER}'s, whose requests the spec forbids (a non-UUID id, a non-string name;
 * see {@code RawProbeConsumerPactTest}). This IT checks that each of its interactions really is
 * off-spec, in its request (a {@code validation.request.*} error) and only there, so nothing valid
 * hides there.
 */
class PactsMatchSpecIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyInteractionOfEveryPactIsValidAgainstTheSpec() throws IOException {
    List<Path> pacts = pactFiles();
    assertThat(pacts).as("pact files in %s", Pacts.directory()).isNotEmpty();

    for (Path pact : pacts) {
      if (consumerOf(pact).equals(Pacts.RAW_PROBE_CONSUMER)) {
        continue; // deliberately off-spec, see
        // deliberatelyOffSpecProbesBreakTheSpecOnlyInTheirRequests
      }
      PactProviderValidationResults results = PactSpecCheck.validate(pact);

      assertThat(results.hasErrors())
          .as("%s against the spec:%n%s", pact.getFileName(), results.getValidationFailureReport())
          .isFalse();
      assertThat(results.getConsumerResults().get(0).getInteractionResults())
          .as("interactions checked in %s", pact.getFileName())
          .hasSize(interactions(pact).size());
    }
  }

  @Test
  void theClientPactCoversAllElevenOperations() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (JsonNode interaction : interactions(Pacts.file(Pacts.CONSUMER))) {
      JsonNode request = interaction.get("request");
      String method = request.get("method").asText();
      String path = request.get("path").asText();
      covered.add(
          SpecOperations.of(method, path)
              .orElseThrow(() -> new AssertionError("not an operation: " + method + " " + path)));
    }

    assertThat(covered).containsExactlyInAnyOrderElementsOf(SpecOperations.all());
  }

  @Test
  void deliberatelyOffSpecProbesBreakTheSpecOnlyInTheirRequests() {
    Path probes = Pacts.file(Pacts.RAW_PROBE_CONSUMER);

    Map<String, ValidationReport> results =
        PactSpecCheck.validate(probes).getConsumerResults().get(0).getInteractionResults();

    assertThat(results).isNotEmpty();
    results.forEach(
        (description, report) -> {
          Set<String> keys = PactSpecCheck.errorKeys(report);
          assertThat(keys)
              .as(
                  "probe '%s' must break the spec in its request: move it to the client pact",
                  description)
              .anyMatch(key -> key.startsWith("validation.request."));
          assertThat(keys)
              .as(
                  "probe '%s' must answer as the spec says: only its request is off-spec",
                  description)
              .noneMatch(key -> key.startsWith("validation.response."));
        });
  }

  private static List<Path> pactFiles() throws IOException {
    try (Stream<Path> files = Files.list(Pacts.directory())) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static String consumerOf(Path pact) throws IOException {
    return JSON.readTree(pact.toFile()).path("consumer").path("name").asText();
  }

  private static List<JsonNode> interactions(Path pact) throws IOException {
    JsonNode interactions = JSON.readTree(pact.toFile()).path("interactions");
    return Stream.iterate(0, i -> i < interactions.size(), i -> i + 1)
        .map(interactions::get)
        .toList();
  }
}
