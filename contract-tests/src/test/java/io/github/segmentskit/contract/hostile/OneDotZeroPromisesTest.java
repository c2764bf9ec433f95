package io.github.segmentskit.contract.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.generated.model.SegmentPut;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Promises of 1.0 that 2.0 keeps: a redirect is never followed (the token would go with it), and
 * the store hash, the token and the base URI are checked before a client exists, with messages that
 * never repeat the token. (A 429 with an absurd reset failing at once: {@link OverflowsTest}.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OneDotZeroPromisesTest {
  private static final String TOKEN = "promise-token-0123456789";
  private static final String STORE = "promisestore";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");

  @RegisterExtension
  static WireMockExtension api =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  /** Where the redirects point: it must never be asked anything. */
  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNeverFollowedAndIsAnApiException(int status) {
    api.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Location", elsewhere.baseUrl() + BASE + "/segments")));
    elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(URI.create(api.baseUrl() + BASE))
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .retryPolicy(RetryPolicy.none())
            .build()) {
      Throwable list = catchThrowable(() -> client.segments().list(PageParams.first()).execute());
      Throwable update =
          catchThrowable(
              () ->
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(SEGMENT).name("x")))
                      .execute());

      for (Throwable failure : List.of(list, update)) {
        assertThat(failure).isExactlyInstanceOf(SegmentsApiException.class);
        assertThat(((SegmentsApiException) failure).status()).isEqualTo(status);
      }
    }
    assertThat(api.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    assertThat(elsewhere.findAll(anyRequestedFor(anyUrl())))
        .as("requests that followed the redirect")
        .isEmpty();
  }

  @Test
  void anHttpClientThatFollowsRedirectsIsRefused() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> SegmentsClient.builder().httpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc/123", "abc 123", "abc123?x", "../abc", "\u00e4bc"})
  void aStoreHashOtherThanLettersAndDigitsIsRefused(String storeHash) {
    assertRefused(builder -> builder.storeHash(storeHash), "storeHash");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", TOKEN + " ", TOKEN + "\n", TOKEN + "\u00e9", "\t" + TOKEN})
  void aTokenAHeaderCannotCarryIsRefusedWithoutRepeatingIt(String token) {
    Throwable failure = catchThrowable(() -> SegmentsClient.builder().accessToken(token));

    assertThat(failure).isInstanceOf(IllegalArgumentException.class);
    assertThat(failure.getMessage()).contains("accessToken").doesNotContain(TOKEN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://api.bigcommerce.com/stores/abc/v3",
        "http://10.0.0.1/stores/abc/v3",
        "ftp://127.0.0.1/stores/abc/v3",
        "https://api.bigcommerce.com/stores/abc/v3?x=1",
        "https://api.bigcommerce.com/stores/abc/v3#frag",
        "https://user:pass@api.bigcommerce.com/stores/abc/v3",
        "/stores/abc/v3"
      })
  void aBaseUriThatWouldExposeTheTokenOrIsNotAnApiRootIsRefused(String uri) {
    assertRefused(builder -> builder.baseUri(URI.create(uri)), "baseUri");
  }

  @Test
  void buildNamesEveryMissingRequiredValue() {
    assertThatThrownBy(() -> SegmentsClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storeHash")
        .hasMessageContaining("accessToken");
  }

  private static void assertRefused(Consumer<SegmentsClient.Builder> setting, String option) {
    assertThatThrownBy(() -> setting.accept(SegmentsClient.builder().accessToken(TOKEN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(option)
        .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN));
  }
}
