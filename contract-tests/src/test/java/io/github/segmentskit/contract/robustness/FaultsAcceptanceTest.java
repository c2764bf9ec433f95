package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Broken answers, each met by 40 concurrent calls: every call gives the documented exception, the
 * server sees exactly the attempts the retry policy allows, and afterwards all 10 permits of the
 * store's limiter are back, proved by 10 requests held in flight together by a barrier server.
 */
class FaultsAcceptanceTest {
  private static final String STORE = "faultstore";
  private static final String TOKEN = "faults-test-token";
  private static final String SEGMENTS = "/stores/" + STORE + "/v3/segments";
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final int CALLERS = 20;
  private static final int CALLS = 40;
  private static final int MAX_ATTEMPTS = 3;

  /** Generous: on 2 busy cores a fresh connection to WireMock can take a few hundred ms. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

  /**
   * HTTP/1.1 only: the JDK client asks a plain-http server to upgrade to h2c, and WireMock cannot
   * inject socket faults into an HTTP/2 stream (the reset then never comes and the call times out).
   */
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  private final List<SegmentsClient> clients = new ArrayList<>();

  /** A broken answer to {@code PUT /segments}, the exception it must give, and its attempts. */
  enum BrokenAnswer {
    CONNECTION_RESET_MID_RESPONSE(
        () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        SegmentsConnectionException.class,
        MAX_ATTEMPTS),
    EMPTY_RESPONSE(
        () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
        SegmentsConnectionException.class,
        MAX_ATTEMPTS),
    MALFORMED_RESPONSE_CHUNK(
        () -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        SegmentsConnectionException.class,
        MAX_ATTEMPTS),
    RANDOM_DATA_THEN_CLOSE(
        () -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
        SegmentsConnectionException.class,
        MAX_ATTEMPTS),
    TRUNCATED_JSON(
        () ->
            aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"na"),
        SegmentsResponseException.class,
        1),
    HTML_INSTEAD_OF_JSON(
        () ->
            aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Gateway says hello</body></html>"),
        SegmentsResponseException.class,
        1),
    SLOWER_THAN_THE_TIMEOUT(
        () ->
            aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":[],\"meta\":{}}")
                .withFixedDelay(1_500),
        SegmentsTimeoutException.class,
        1);

    final Supplier<ResponseDefinitionBuilder> answer;
    final Class<? extends SegmentsException> expected;
    final int attemptsPerCall;

    BrokenAnswer(
        Supplier<ResponseDefinitionBuilder> answer,
        Class<? extends SegmentsException> expected,
        int attemptsPerCall) {
      this.answer = answer;
      this.expected = expected;
      this.attemptsPerCall = attemptsPerCall;
    }
  }

  @AfterEach
  void closeClients() {
    clients.forEach(SegmentsClient::close);
  }

  @ParameterizedTest
  @EnumSource(BrokenAnswer.class)
  void everyCallGivesTheDocumentedExceptionAndEveryPermitComesBack(BrokenAnswer broken)
      throws Exception {
    wm.stubFor(put(urlPathEqualTo(SEGMENTS)).willReturn(broken.answer.get()));
    Duration timeout =
        broken == BrokenAnswer.SLOWER_THAN_THE_TIMEOUT ? SHORT_TIMEOUT : REQUEST_TIMEOUT;
    SegmentsClient client = client(URI.create(wm.baseUrl() + "/stores/" + STORE + "/v3"), timeout);

    List<Throwable> failures =
        concurrently(
            CALLS,
            () ->
                client
                    .segments()
                    .update(List.of(new SegmentPut().id(SEGMENT).name("storm")))
                    .execute());

    assertThat(failures).hasSize(CALLS);
    assertThat(failures)
        .allSatisfy(failure -> assertThat(failure).isExactlyInstanceOf(broken.expected));
    assertThat(requestsSeen(CALLS * broken.attemptsPerCall))
        .as("attempts the server saw: %d calls x %d", CALLS, broken.attemptsPerCall)
        .isEqualTo(CALLS * broken.attemptsPerCall);
    assertAllPermitsBack(client);
  }

  @Test
  void aServerThatClosesWithoutReadingTheBodyGivesConnectionExceptions() throws Exception {
    try (ClosingServer server = ClosingServer.start(CALLS * MAX_ATTEMPTS + 20)) {
      SegmentsClient client = client(server.baseUri(STORE));
      List<SegmentPut> largeBody =
          IntStream.range(0, 1_000)
              .mapToObj(i -> new SegmentPut().id(UUID.randomUUID()).name("segment " + i))
              .toList();

      List<Throwable> failures =
          concurrently(CALLS, () -> client.segments().update(largeBody).execute());

      assertThat(failures).hasSize(CALLS);
      assertThat(failures)
          .allSatisfy(
              failure ->
                  assertThat(failure).isExactlyInstanceOf(SegmentsConnectionException.class));
      assertThat(server.accepted()).isEqualTo(CALLS * MAX_ATTEMPTS);
      assertAllPermitsBack(client);
    }
  }

  @Test
  void chunksOfAnAddFailOneByOneAndGiveTheirPermitsBack() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(SEGMENTS + "/" + SEGMENT + "/shopper-profiles"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    SegmentsClient client = client(URI.create(wm.baseUrl() + "/stores/" + STORE + "/v3"));
    List<UUID> profiles = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();

    ChunkedResult<ShopperProfile> result =
        client.segments().shopperProfiles(SEGMENT).add(profiles).execute();

    assertThat(result.chunks()).hasSize(10);
    assertThat(result.failed()).hasSize(10);
    assertThat(result.failed())
        .allSatisfy(
            chunk ->
                assertThat(chunk.failure()).isExactlyInstanceOf(SegmentsConnectionException.class));
    assertThat(result.failedIds()).hasSize(500);
    assertThat(wm.findAll(anyRequestedFor(anyUrl())))
        .as("a POST is not retried after a connection failure")
        .hasSize(10);
    assertAllPermitsBack(client);
  }

  /**
   * The requests WireMock logged, once it has logged {@code expected} or 5 s have passed: it logs a
   * delayed request only when the delay is over, after the client has already timed out.
   */
  private static int requestsSeen(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int seen = wm.findAll(anyRequestedFor(anyUrl())).size();
    while (seen < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      seen = wm.findAll(anyRequestedFor(anyUrl())).size();
    }
    return seen;
  }

  /** No permit leaked: 10 requests of the store are in flight at once, all held by a barrier. */
  private void assertAllPermitsBack(SegmentsClient stormClient) throws Exception {
    assertThat(stormClient.isClosed()).isFalse();
    assertThat(ConcurrencyLimiterRegistry.shared().permitsInUse(STORE)).isZero();
    try (BarrierServer barrier = BarrierServer.waitingFor(10, Duration.ofSeconds(5))) {
      // Same store, so the same JVM-wide limiter as the client that met the storm (still open).
      SegmentsClient probe = client(barrier.baseUri(STORE));
      List<Throwable> failures =
          concurrently(
              10,
              () ->
                  probe
                      .segments()
                      .update(List.of(new SegmentPut().id(SEGMENT).name("probe")))
                      .execute());
      assertThat(failures).isEmpty();
      assertThat(barrier.barrierReached()).as("10 requests were in flight together").isTrue();
      assertThat(barrier.peakInFlight()).isEqualTo(10);
    }
  }

  private SegmentsClient client(URI baseUri) {
    return client(baseUri, REQUEST_TIMEOUT);
  }

  private SegmentsClient client(URI baseUri, Duration requestTimeout) {
    SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(baseUri)
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(requestTimeout)
            .acquireTimeout(Duration.ofSeconds(10))
            .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).build())
            .sleeper(duration -> {})
            .build();
    clients.add(client);
    return client;
  }

  /**
   * Runs {@code calls} calls from {@link #CALLERS} threads (at least {@code calls} when fewer) and
   * returns what they threw; fails if they have not all ended within 20 s.
   */
  private static List<Throwable> concurrently(int calls, Runnable call) throws Exception {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    ExecutorService callers = Executors.newFixedThreadPool(Math.max(calls, CALLERS));
    for (int i = 0; i < calls; i++) {
      callers.execute(
          () -> {
            try {
              call.run();
            } catch (RuntimeException e) {
              failures.add(e);
            }
          });
    }
    callers.shutdown();
    boolean ended = callers.awaitTermination(20, TimeUnit.SECONDS);
    callers.shutdownNow();
    assertThat(ended).as("every call ended within 20 s").isTrue();
    return List.copyOf(failures);
  }
}
