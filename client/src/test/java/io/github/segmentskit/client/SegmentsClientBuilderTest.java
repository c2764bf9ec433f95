package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.net.URI;
import java.net.http.HttpClient;
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
      assertThat(client.concurrencyLimiter().maxConcurrentRequests()).isLessThanOrEqualTo(10);
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

  @Test
  void storeHashesOfAbsurdLengthAreRefusedWithAShortMessage() {
    assertThatThrownBy(() -> SegmentsClient.builder().storeHash("a".repeat(100_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
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
        .hasMessage("acquireTimeout must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> builder.maxResponseBytes(10))
        .hasMessage("maxResponseBytes must be between 1024 and 268435456, was 10");
    assertThatThrownBy(() -> builder.accessToken((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("accessToken == null");
  }

  @Test
  void absurdDurationsAreRefusedAtTheBuilderNotOverflowedLater() {
    SegmentsClient.Builder builder = SegmentsClient.builder();
    for (Duration absurd :
        List.of(
            Duration.ofDays(109_500),
            Duration.ofMillis(Long.MAX_VALUE),
            Duration.ofSeconds(Long.MAX_VALUE),
            Duration.ofDays(365L * 300))) {
      assertThatThrownBy(() -> builder.acquireTimeout(absurd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("acquireTimeout must be at most PT1H");
      assertThatThrownBy(() -> builder.requestTimeout(absurd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestTimeout must be at most PT1H");
      assertThatThrownBy(() -> builder.connectTimeout(absurd))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("connectTimeout must be at most PT1H");
    }
    assertThat(builder.acquireTimeout(Duration.ofHours(1)).requestTimeout(Duration.ofHours(1)))
        .isNotNull();
  }

  @Test
  void refusesAnHttpClientThatFollowsRedirects() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    assertThatThrownBy(() -> SegmentsClient.builder().httpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
    HttpClient never = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    assertThatThrownBy(
            () ->
                SegmentsClient.builder()
                    .storeHash("abc123")
                    .accessToken(TOKEN)
                    .httpClient(never)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure the connect timeout on the HttpClient");
  }

  @Test
  void buildNamesEveryMissingRequiredValue() {
    assertThatThrownBy(() -> SegmentsClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing required storeHash and accessToken");
  }

  @Test
  void refusesCallsAfterCloseWithATypedException() {
    ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    SegmentsClient client =
        SegmentsClient.builder()
            .storeHash("closedstore")
            .accessToken(TOKEN)
            .limiterRegistry(registry)
            .build();
    Call<Page<io.github.segmentskit.generated.model.Segment>> call =
        client.segments().list(PageParams.first());
    client.close();
    client.close();
    assertThat(client.isClosed()).isTrue();
    assertThatThrownBy(call::execute)
        .isInstanceOf(ClientClosedException.class)
        .hasMessageContaining("closed");
    assertThat(call.executeAsync())
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ClientClosedException.class);
    assertThat(registry.currentLimit("closedstore")).isZero();
  }

  @Test
  void deletesRefuseEmptyIdListsBeforeSending() {
    try (SegmentsClient client =
        SegmentsClient.builder().storeHash("abc123").accessToken(TOKEN).build()) {
      assertThatThrownBy(() -> client.segments().delete(List.of()))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("segments().deleteAll()");
      assertThatThrownBy(() -> client.shopperProfiles().delete(null))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("shopperProfiles().deleteAll()");
      java.util.UUID segment = java.util.UUID.randomUUID();
      assertThatThrownBy(() -> client.segments().shopperProfiles(segment).remove(List.of()))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("removeAll()");
    }
  }
}
