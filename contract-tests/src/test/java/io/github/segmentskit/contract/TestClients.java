package io.github.segmentskit.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.SegmentsClient;
import java.net.URI;

/**
 * Clients pointed at a WireMock server on loopback, each with a limiter registry of its own, so
 * that no test shares a store's limiter with another.
 */
final class TestClients {
  private TestClients() {}

  static SegmentsClient.Builder builder(WireMockExtension wireMock, RecordingSleeper sleeper) {
    return SegmentsClient.builder()
        .storeHash(Fixtures.STORE)
        .accessToken(Fixtures.TOKEN)
        .baseUri(URI.create(wireMock.baseUrl() + Fixtures.BASE_PATH))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .sleeper(sleeper);
  }
}
