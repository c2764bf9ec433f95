package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyAcceptanceTest {

  private SegmentsSimulator simulator;
  private TestHttp http;

  @BeforeEach
  void start() {
    simulator =
        SegmentsSimulator.builder()
            .latency(Duration.ofMillis(100))
            .retryAfter(Duration.ofMillis(250))
            .build()
            .start();
    http = TestHttp.to(simulator.baseUri("abc123"));
    http.get("/segments"); // warm up the client and server before racing them
    simulator.metrics().reset();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void answers429AboveTenRequestsInFlight() throws Exception {
    List<TestHttp.Response> responses = race(50);

    List<TestHttp.Response> refused =
        responses.stream().filter(response -> response.status() == 429).toList();
    assertThat(refused).isNotEmpty();
    assertThat(responses).allMatch(r -> r.status() == 200 || r.status() == 429);
    assertThat(simulator.metrics().peakInFlight()).isEqualTo(10);
    assertThat(simulator.metrics().tooManyRequests()).isEqualTo(refused.size());

    TestHttp.Response first = refused.get(0);
    assertThat(first.json().get("status").asInt()).isEqualTo(429);
    assertThat(first.json().get("title").asText()).contains("10 concurrent requests");
    assertThat(first.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("250");
    assertThat(first.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(first.header("X-Retry-After")).isEqualTo("1");
    assertThat(first.header("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
    assertThat(first.header("X-Rate-Limit-Requests-Quota")).isEqualTo("150");
  }

  @Test
  void neverRefusesTenOrFewerRequestsInFlight() throws Exception {
    for (int wave = 0; wave < 3; wave++) {
      assertThat(race(10)).allMatch(response -> response.status() == 200);
    }

    assertThat(simulator.metrics().tooManyRequests()).isZero();
    assertThat(simulator.metrics().peakInFlight()).isLessThanOrEqualTo(10);
  }

  @Test
  void loosesNoRequestAndCountsNoneTwice() throws Exception {
    List<TestHttp.Response> responses = race(50);

    Metrics metrics = simulator.metrics();
    assertThat(responses).hasSize(50);
    assertThat(metrics.requestsReceived()).isEqualTo(50);
    assertThat(metrics.responsesSent()).isEqualTo(50);
    assertThat(metrics.requests(Operation.GET_PAGINATED_SEGMENTS_LIST)).isEqualTo(50);
    assertThat(metrics.responses(200) + metrics.responses(429)).isEqualTo(50);
  }

  @Test
  void limitsEachStoreOnItsOwn() throws Exception {
    TestHttp other = TestHttp.to(simulator.baseUri("def456"));
    List<CompletableFuture<TestHttp.Response>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(http.sendAsync("GET", "/segments", null));
      calls.add(other.sendAsync("GET", "/segments", null));
    }

    for (CompletableFuture<TestHttp.Response> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
  }

  private List<TestHttp.Response> race(int count) throws Exception {
    List<CompletableFuture<TestHttp.Response>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(http.sendAsync("GET", "/segments", null));
    }
    List<TestHttp.Response> responses = new ArrayList<>();
    for (CompletableFuture<TestHttp.Response> call : calls) {
      responses.add(call.get(10, TimeUnit.SECONDS));
    }
    return responses;
  }
}
