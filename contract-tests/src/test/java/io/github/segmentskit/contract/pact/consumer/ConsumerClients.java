package io.github.segmentskit.contract.pact.consumer;

import au.com.dius.pact.consumer.MockServer;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import java.net.URI;

/** The real {@link SegmentsClient}, pointed at a Pact mock server. */
final class ConsumerClients {
  private ConsumerClients() {}

  /**
   * A client of store {@code abc123} at the mock server, authenticated with {@code token}. Retries
   * are off: each call sends exactly one request, the one the pact describes (a retried 429 would
   * hit the mock twice).
   */
  static SegmentsClient client(MockServer mockServer, String token) {
    return SegmentsClient.builder()
        .storeHash("abc123")
        .accessToken(token)
        .baseUri(URI.create(mockServer.getUrl() + ContractBodies.BASE))
        .retryPolicy(RetryPolicy.none())
        .build();
  }
}
