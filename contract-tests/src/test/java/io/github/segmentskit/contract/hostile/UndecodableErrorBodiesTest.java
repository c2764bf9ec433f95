package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.ServerErrorException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body the client cannot decode, sent though never asked for: a {@code Content-Encoding} it does
 * not support ({@code br}, {@code deflate}) or gzip that is corrupt. On a 2xx the answer cannot be
 * trusted: {@link SegmentsResponseException}. On an error status the status still decides, as
 * everywhere else: a 503 is a {@link ServerErrorException} and retried, a 429 a {@link
 * RateLimitedException} waited for, a 404 a {@link NotFoundException}; the body, which only
 * explains, is what is lost. A success of a call that reads no body (a delete) is a success.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UndecodableErrorBodiesTest {
  private static final int MAX_ATTEMPTS = 3;
  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final byte[] JUNK =
      "\u0000\u0001not what it claims".getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(503, "br", ServerErrorException.class, MAX_ATTEMPTS),
        Arguments.of(503, "gzip", ServerErrorException.class, MAX_ATTEMPTS),
        Arguments.of(429, "gzip", RateLimitedException.class, MAX_ATTEMPTS),
        Arguments.of(429, "deflate", RateLimitedException.class, MAX_ATTEMPTS),
        Arguments.of(404, "br", NotFoundException.class, 1),
        Arguments.of(500, "gzip", ServerErrorException.class, 1),
        Arguments.of(200, "br", SegmentsResponseException.class, 1),
        Arguments.of(200, "gzip", SegmentsResponseException.class, 1));
  }

  @ParameterizedTest(name = "200 with Content-Encoding {0}")
  @ValueSource(strings = {"br", "gzip"})
  void aDeleteAnsweredWithAnUndecodableBodyStillSucceeds(String encoding) {
    try (RawServer server = server(200, encoding)) {
      ChunkedResult<UUID> result;
      try (SegmentsClient client = client(server, new CopyOnWriteArrayList<>())) {
        result = client.segments().delete(List.of(ID)).execute();
      }

      assertThat(result.allSucceeded()).as("%s", result.failed()).isTrue();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0} with Content-Encoding {1}")
  @MethodSource("answers")
  void theStatusDecidesWhenAnErrorBodyCannotBeDecoded(
      int status, String encoding, Class<? extends Throwable> expected, int requests) {
    try (RawServer server = server(status, encoding)) {
      List<Duration> waits = new CopyOnWriteArrayList<>();
      Throwable failure;
      try (SegmentsClient client = client(server, waits)) {
        failure = catchThrowable(() -> client.segments().list(PageParams.first()).execute());
      }

      assertThat(failure).isExactlyInstanceOf(expected);
      if (failure instanceof SegmentsApiException api) {
        assertThat(api.status()).isEqualTo(status);
      }
      assertThat(server.requests()).hasSize(requests);
      assertThat(waits).hasSize(requests - 1);
    }
  }

  private static RawServer server(int status, String encoding) {
    return RawServer.start(
        (request, exchange) -> {
          exchange.write(
              RawResponses.head(
                  status,
                  "application/json",
                  JUNK.length,
                  "Content-Encoding: " + encoding,
                  "X-Rate-Limit-Time-Reset-Ms: 1"));
          exchange.out().write(JUNK);
        });
  }

  private static SegmentsClient client(RawServer server, List<Duration> waits) {
    return SegmentsClient.builder()
        .storeHash("undecodable")
        .accessToken("undecodable-token")
        .baseUri(server.baseUri("undecodable"))
        .limiterRegistry(ConcurrencyLimiterRegistry.create())
        .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).build())
        .sleeper(waits::add)
        .build();
  }
}
