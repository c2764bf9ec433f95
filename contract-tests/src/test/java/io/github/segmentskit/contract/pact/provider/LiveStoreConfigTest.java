package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the live verification finds its store. */
class LiveStoreConfigTest {

  @Test
  void needsTheStoreHashAndTheAccessToken() {
    assertThat(LiveStoreConfig.from(Map.of(LiveStoreConfig.STORE_HASH, "abc123")::get)).isEmpty();
    assertThat(LiveStoreConfig.from(Map.of(LiveStoreConfig.ACCESS_TOKEN, "t")::get)).isEmpty();
  }

  @Test
  void defaultsToBigCommercesApi() {
    LiveStoreConfig config =
        LiveStoreConfig.from(
                Map.of(LiveStoreConfig.STORE_HASH, "abc123", LiveStoreConfig.ACCESS_TOKEN, "t")
                    ::get)
            .orElseThrow();

    assertThat(config.baseUri())
        .isEqualTo(URI.create("https://api.bigcommerce.com/stores/abc123/v3"));
    assertThat(config.readOnlyToken()).isEmpty();
  }

  @Test
  void takesTheApiUrlFromBigcommerceApiUrl() {
    LiveStoreConfig config =
        LiveStoreConfig.from(
                Map.of(
                        LiveStoreConfig.STORE_HASH, "abc123",
                        LiveStoreConfig.ACCESS_TOKEN, "t",
                        LiveStoreConfig.API_URL, "http://127.0.0.1:8080/")
                    ::get)
            .orElseThrow();

    assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:8080/stores/abc123/v3"));
  }

  @Test
  void neverShowsTheTokens() {
    LiveStoreConfig config =
        LiveStoreConfig.from(
                Map.of(
                        LiveStoreConfig.STORE_HASH, "abc123",
                        LiveStoreConfig.ACCESS_TOKEN, "secret-modify",
                        LiveStoreConfig.READ_ONLY_TOKEN, "secret-read")
                    ::get)
            .orElseThrow();

    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void treatsOnlyLoopbackAddressesAsAStandIn() {
    assertThat(withApiUrl("http://127.0.0.1:8080").isLoopback()).isTrue();
    assertThat(withApiUrl("http://localhost:8080").isLoopback()).isTrue();
    assertThat(withApiUrl("http://[::1]:8080").isLoopback()).isTrue();
    assertThat(withApiUrl("https://api.bigcommerce.com").isLoopback()).isFalse();
    assertThat(withApiUrl("http://127.0.0.1.example.com").isLoopback()).isFalse();
    assertThat(withApiUrl("http://10.0.0.7:8080").isLoopback()).isFalse();
  }

  private static LiveStoreConfig withApiUrl(String apiUrl) {
    return LiveStoreConfig.from(
            Map.of(
                    LiveStoreConfig.STORE_HASH, "abc123",
                    LiveStoreConfig.ACCESS_TOKEN, "t",
                    LiveStoreConfig.API_URL, apiUrl)
                ::get)
        .orElseThrow();
  }
}
