package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentsClientBuilderTest {
  private static final String TOKEN = "tok3n-s3cr3t-value";

  @Test
  void defaultsToTheStoresBigCommerceUri() {
    try (SegmentsClient client =
        SegmentsClient.builder().storeHash("abc123").accessToken(TOKEN).build()) {
      assertThat(client.baseUri())
          .isEqualTo(URI.create("https://api.bigcommerce.com/stores/abc123/v3"));
      assertThat(client.concurrencyLimiter().maxConcurrentRequests()).isEqualTo(10);
    }
  }

  @Test
  void toStringNeverShowsTheToken() {
    SegmentsClient.Builder builder =
        SegmentsClient.builder().storeHash("abc123").accessToken(TOKEN);
    assertThat(builder.toString()).doesNotContain(TOKEN).contains("redacted");
    try (SegmentsClient client = builder.build()) {
      assertThat(client.toString()).doesNotContain(TOKEN).contains("abc123");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-123", "abc 123", "", "abc/123", "ab\u00e7"})
  void rejectsStoreHashesWithOtherThanLettersAndDigits(String storeHash) {
    assertThatThrownBy(() -> SegmentsClient.builder().storeHash(storeHash))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters and digits only");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.bigcommerce.com/stores/abc123/v3",
        "http://10.0.0.1/stores/abc123/v3",
        "http://localhost.example.com/v3"
      })
  void refusesPlainHttpToAnythingButLoopback(String uri) {
    assertThatThrownBy(() -> SegmentsClient.builder().baseUri(URI.create(uri)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clear text");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/stores/abc123/v3",
        "http://127.0.0.1:1/v3",
        "http://[::1]:9/v3",
        "https://api.bigcommerce.com/stores/abc123/v3"
      })
  void acceptsHttpsAndLoopbackHttp(String uri) {
    assertThat(SegmentsClient.builder().baseUri(URI.create(uri))).isNotNull();
  }

  @Test
  void rejectsOtherSchemes() {
    assertThatThrownBy(() -> SegmentsClient.builder().baseUri(URI.create("ftp://localhost/v3")))
        .hasMessageContaining("https");
  }

  @Test
  void validatesTimeoutsAndLimits() {
    SegmentsClient.Builder builder = SegmentsClient.builder();
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ZERO))
        .hasMessage("connectTimeout must be positive, was PT0S");
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1)))
        .hasMessage("requestTimeout must be positive, was PT-1S");
    assertThatThrownBy(() -> builder.maxConcurrentRequests(0))
        .hasMessage("maxConcurrentRequests must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> builder.acquireTimeout(Duration.ofMillis(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> builder.accessToken((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("accessToken == null");
  }

  @Test
  void buildNamesEveryMissingRequiredValue() {
    assertThatThrownBy(() -> SegmentsClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing required storeHash and accessToken");
  }

  @Test
  void refusesCallsAfterClose() {
    SegmentsClient client =
        SegmentsClient.builder().storeHash("closedstore").accessToken(TOKEN).build();
    client.close();
    client.close();
    assertThatThrownBy(() -> client.listSegments(1, 50))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(StoreConcurrencyLimiters.currentLimit("closedstore")).isZero();
  }

  @Test
  void deletesRefuseEmptyIdListsBeforeSending() {
    try (SegmentsClient client =
        SegmentsClient.builder().storeHash("abc123").accessToken(TOKEN).build()) {
      assertThatThrownBy(() -> client.deleteSegments(List.of()))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("deleteAllSegments()");
      assertThatThrownBy(() -> client.deleteShopperProfiles(null))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("deleteAllShopperProfiles()");
    }
  }
}
