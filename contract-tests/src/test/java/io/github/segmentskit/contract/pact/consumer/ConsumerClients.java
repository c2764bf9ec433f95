package io.github.segmentskit.contract.pact.consumer;

import au.com.dius.pact.consumer.MockServer;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import java.net.URI;

/** The real {@link SegmentsClient}, pointed at a Pact mock server. */
final class ConsumerClients {
  private ConsumerClients() {}

  /**
   * A client of store {@code abc123} at the mock server, authenticated with {@code token}. Retries
   * are off: each call sends exactly one request, the one the pact describes (a retried 429 would
   * hit the mock twice). Each client has a limiter registry of its own: the 429 interaction's pause
   * would otherwise hold store {@code abc123} for 1 s in every other class of the JVM.
   */
  static SegmentsClient client(MockServer mockServer, String token) {
    return SegmentsClient.builder()
        .storeHash("abc123")
        .accessToken(token)
        .baseUri(URI.create(mockServer.getUrl() + ContractBodies.BASE))
        .retryPolicy(RetryPolicy.none())
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .build();
  }
}
