package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.consumer.ContractBodies.BASE;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.error;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.jsonResponse;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.readHeaders;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.writeHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.contract.pact.Pacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Requests {@link SegmentsClient} refuses to send (a malformed id, a name that is not a string),
 * sent raw with {@code java.net.http} to pin down how the API answers them: 400 and 422 are errors
 * a real client meets when it is not this one.
 *
 * <p>These interactions are <b>deliberately off-spec</b>: the spec forbids their requests, so the
 * spec check would reject them. They live in their own pact, of consumer {@value
 * Pacts#RAW_PROBE_CONSUMER}, which {@code PactsMatchSpecIT} leaves out by name (and checks is
 * really off-spec); the provider verification covers them like any other pact.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class RawProbeConsumerPactTest {
  private static final String NOT_A_UUID = "not-a-uuid";

  private final HttpClient http = HttpClient.newHttpClient();

  @Pact(consumer = Pacts.RAW_PROBE_CONSUMER)
  V4Pact listProfilesOfMalformedSegmentId(PactDslWithProvider builder) {
    return builder
        .uponReceiving("list the shopper profiles of a segment whose id is not a UUID")
        .method("GET")
        .path(BASE + "/segments/" + NOT_A_UUID + "/shopper-profiles")
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(422)
        .headers(jsonResponse())
        .body(error(422, "JSON data is missing or invalid"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listProfilesOfMalformedSegmentId")
  void aMalformedIdIsAnswered422(MockServer mockServer) throws Exception {
    try (SegmentsClient client = ConsumerClients.client(mockServer, Pacts.MODIFY_TOKEN)) {
      // The client refuses the id before sending anything; the probe goes around it.
      assertThrows(
          SegmentsValidationException.class,
          () -> client.segments().shopperProfiles(Ids.parse(NOT_A_UUID)));
    }

    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    uri(
                        mockServer,
                        "/segments/" + NOT_A_UUID + "/shopper-profiles?page=1&limit=50"))
                .header("Accept", "application/json")
                .header("X-Auth-Token", Pacts.MODIFY_TOKEN)
                .GET());

    assertThat(response.statusCode()).isEqualTo(422);
  }

  @Pact(consumer = Pacts.RAW_PROBE_CONSUMER)
  V4Pact createSegmentWithNumericName(PactDslWithProvider builder) {
    return builder
        .uponReceiving("create a segment whose name is a number")
        .method("POST")
        .path(BASE + "/segments")
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(new PactDslJsonArray().object().numberValue("name", 5).closeObject())
        .willRespondWith()
        .status(400)
        .headers(jsonResponse())
        .body(error(400, "Input is invalid"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSegmentWithNumericName")
  void aBodyOfTheWrongShapeIsAnswered400(MockServer mockServer) throws Exception {
    // SegmentPost.name is a String: the typed client cannot send this body at all.
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(mockServer, "/segments"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", Pacts.MODIFY_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("[{\"name\":5}]")));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(MockServer mockServer, String path) {
    return URI.create(mockServer.getUrl() + BASE + path);
  }
}
