package io.github.segmentskit.contract.hostile;

import io.github.segmentskit.client.CallInfo;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Calls of one method against a server that answers the first request of a connection and then
 * closes connections without an answer ({@link #server}); counts the attempts the client's retry
 * policy saw. Runs in the test's JVM (JDK 17) and, as a main class, in a child JVM of another JDK
 * ({@link ClosedConnectionAttemptsTest}). Prints {@code RESULT <method> <warm|cold> outcome=<type>
 * attempts=<n>}, ASCII only.
 */
public final class ClosedConnectionProbe {
  static final int MAX_ATTEMPTS = 3;
  private static final UUID SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final String PAGE =
      "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,\"per_page\":50,"
          + "\"current_page\":1,\"total_pages\":0}}}";

  private ClosedConnectionProbe() {}

  /**
   * A server whose first request ({@code warm}) is answered and its connection kept alive, and
   * whose every other request is read and then its connection closed without a byte of answer.
   * Without {@code warm} every request is closed so.
   */
  static RawServer server(boolean warm) {
    AtomicInteger seen = new AtomicInteger();
    return RawServer.start(
        (request, exchange) -> {
          if (warm && seen.incrementAndGet() == 1) {
            answer(request, exchange);
            exchange.keepAlive();
          }
          // else: return without writing; the server closes the connection
        });
  }

  private static void answer(RawRequest request, RawServer.Exchange exchange) throws IOException {
    switch (request.method()) {
      case "GET" -> RawResponses.json(exchange, 200, PAGE);
      case "DELETE" -> exchange.write("HTTP/1.1 204 No Content\r\n\r\n");
      case "POST" -> RawResponses.json(exchange, 201, "{\"data\":[],\"meta\":{}}");
      default -> RawResponses.json(exchange, 200, "{\"data\":[],\"meta\":{}}");
    }
  }

  /**
   * Against {@code base}: with {@code warm}, one call that succeeds (its connection stays in the
   * pool), then the measured call of {@code method}. Returns the result line.
   */
  static String run(String method, URI base, boolean warm) {
    AtomicInteger attempts = new AtomicInteger();
    EventListener counting =
        new EventListener() {
          @Override
          public void permitAcquired(CallInfo call, int attempt, Duration waited) {
            attempts.incrementAndGet();
          }
        };
    String outcome;
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash("closing")
            .accessToken("closing-test-token")
            .baseUri(base)
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .retryPolicy(RetryPolicy.builder().maxAttempts(MAX_ATTEMPTS).build())
            .sleeper(duration -> {})
            .eventListener(counting)
            .build()) {
      Consumer<SegmentsClient> call = call(method);
      if (warm) {
        call.accept(client);
        attempts.set(0);
      }
      try {
        call.accept(client);
        outcome = "success";
      } catch (RuntimeException e) {
        outcome = e.getClass().getSimpleName();
      }
    }
    return "RESULT "
        + method
        + " "
        + (warm ? "warm" : "cold")
        + " outcome="
        + outcome
        + " attempts="
        + attempts.get();
  }

  private static Consumer<SegmentsClient> call(String method) {
    return switch (method) {
      case "GET" -> client -> client.segments().list(PageParams.first()).execute();
      case "PUT" ->
          client ->
              client.segments().update(List.of(new SegmentPut().id(SEGMENT).name("x"))).execute();
      case "DELETE" -> client -> client.segments().delete(List.of(SEGMENT)).execute().orThrow();
      case "POST" ->
          client -> client.segments().create(List.of(new SegmentPost().name("x"))).execute();
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** Arguments: pairs of {@code METHOD:warm|cold} and the base URI of its server. */
  public static void main(String[] args) {
    System.out.println("JVM " + System.getProperty("java.version"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      String[] scenario = args[i].split(":");
      System.out.println(run(scenario[0], URI.create(args[i + 1]), scenario[1].equals("warm")));
    }
    System.out.flush();
    System.exit(0);
  }
}
