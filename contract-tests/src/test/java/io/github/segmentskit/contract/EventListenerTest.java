package io.github.segmentskit.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.segmentskit.contract.Fixtures.BASE_PATH;
import static io.github.segmentskit.contract.Fixtures.TOKEN;
import static io.github.segmentskit.contract.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.CallInfo;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.Operation;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryDecision;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The listener sees every step of a call, in order, with timings, and never the token. */
class EventListenerTest {
  @RegisterExtension
  static WireMockExtension wireMock =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  /** Writes down every event as text, and keeps the failures and decisions it was given. */
  static final class Recording implements EventListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<Object> everything = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void callStart(CallInfo call) {
      events.add("callStart " + call.operation());
      everything.add(call);
    }

    @Override
    public void permitAcquired(CallInfo call, int attempt, Duration waited) {
      events.add("permit " + attempt);
      assertThat(waited.isNegative()).isFalse();
    }

    @Override
    public void attemptEnd(CallInfo call, int attempt, int status, Duration duration) {
      events.add("attemptEnd " + attempt + " " + status);
      assertThat(duration).isPositive();
    }

    @Override
    public void attemptFailed(
        CallInfo call, int attempt, SegmentsException failure, Duration duration) {
      events.add("attemptFailed " + attempt + " " + failure.getClass().getSimpleName());
      everything.add(failure);
    }

    @Override
    public void retrying(CallInfo call, int attempt, RetryDecision decision) {
      events.add("retrying " + attempt + " after " + decision.delay().toMillis() + " ms");
      everything.add(decision);
    }

    @Override
    public void callEnd(CallInfo call, Duration duration) {
      events.add("callEnd");
    }

    @Override
    public void callFailed(CallInfo call, Duration duration, SegmentsException failure) {
      events.add("callFailed " + failure.getClass().getSimpleName());
      everything.add(failure);
    }
  }

  private static SegmentsClient.Builder client(EventListener listener) {
    return TestClients.builder(wireMock, new RecordingSleeper())
        .eventListener(listener)
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(100))
                .jitter(() -> 1.0)
                .build());
  }

  @Test
  void aRetriedCallReportsEachAttemptItsStatusTheDecisionAndTheEnd() {
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-503.json")))
            .willSetStateTo("up"));
    wireMock.stubFor(
        put(urlEqualTo(BASE_PATH + "/segments"))
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(okJson(json("update-segments-response.json"))));
    Recording listener = new Recording();

    try (SegmentsClient client = client(listener).build()) {
      client.segments().update(SegmentsClientRequestShapeTest.updateBoth()).execute();
    }

    assertThat(listener.events)
        .containsExactly(
            "callStart PUT /segments",
            "permit 1",
            "attemptEnd 1 503",
            "retrying 1 after 100 ms",
            "permit 2",
            "attemptEnd 2 200",
            "callEnd");
    assertThat(listener.everything)
        .filteredOn(RetryDecision.class::isInstance)
        .singleElement()
        .satisfies(d -> assertThat(((RetryDecision) d).reason()).isEqualTo("503, back-off"));
  }

  @Test
  void aCallWithoutAnyResponseReportsItsFailedAttemptsAndTheFailure() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Recording listener = new Recording();

    try (SegmentsClient client = client(listener).build()) {
      assertThrows(
          SegmentsConnectionException.class,
          () -> client.segments().list(PageParams.first()).execute());
    }

    assertThat(listener.events)
        .containsExactly(
            "callStart GET /segments",
            "permit 1",
            "attemptFailed 1 SegmentsConnectionException",
            "retrying 1 after 100 ms",
            "permit 2",
            "attemptFailed 2 SegmentsConnectionException",
            "retrying 2 after 200 ms",
            "permit 3",
            "attemptFailed 3 SegmentsConnectionException",
            "callFailed SegmentsConnectionException");
  }

  @Test
  void eventsCarryNoTokenEvenWhenTheServerEchoesIt() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Echo", TOKEN)
                    .withBody(
                        "{\"title\":\"bad token "
                            + TOKEN.replace("-", "\\u002d")
                            + "\",\"errors\":{\"token\":\""
                            + TOKEN
                            + "\"}}")));
    Recording listener = new Recording();

    try (SegmentsClient client = client(listener).build()) {
      assertThrows(
          UnauthorizedException.class, () -> client.segments().list(PageParams.first()).execute());
    }

    assertThat(listener.events).last().isEqualTo("callFailed UnauthorizedException");
    for (Object event : listener.everything) {
      String text =
          event instanceof Throwable t
              ? t.getMessage() + " " + t + " " + headersOf(t)
              : String.valueOf(event);
      assertThat(text).as("event %s", event.getClass().getSimpleName()).doesNotContain(TOKEN);
    }
  }

  private static String headersOf(Throwable failure) {
    return failure instanceof io.github.segmentskit.client.exception.SegmentsApiException api
        ? api.headers() + " " + api.errors() + " " + api.rawBody()
        : "";
  }

  @Test
  void aListenerThatThrowsNeverBreaksTheCallAndAFactoryMakesOnePerCall() {
    wireMock.stubFor(
        get(urlPathEqualTo(BASE_PATH + "/segments"))
            .willReturn(okJson(json("segments-page.json"))));
    AtomicInteger created = new AtomicInteger();
    EventListener.Factory throwing =
        call -> {
          created.incrementAndGet();
          assertThat(call.operation()).isEqualTo(Operation.LIST_SEGMENTS);
          assertThat(call.storeHash()).isEqualTo(Fixtures.STORE);
          return new EventListener() {
            @Override
            public void callStart(CallInfo c) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void permitAcquired(CallInfo c, int attempt, Duration waited) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void attemptEnd(CallInfo c, int attempt, int status, Duration d) {
              throw new IllegalStateException("listener bug");
            }

            @Override
            public void callEnd(CallInfo c, Duration duration) {
              throw new IllegalStateException("listener bug");
            }
          };
        };

    try (SegmentsClient client =
        TestClients.builder(wireMock, new RecordingSleeper())
            .eventListenerFactory(throwing)
            .build()) {
      assertThat(client.segments().list(PageParams.first()).execute().items()).hasSize(2);
      assertThat(client.segments().list(PageParams.first()).execute().items()).hasSize(2);
    }
    assertThat(created).hasValue(2);
  }
}
