package io.github.segmentskit.contract.robustness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that holds every request until {@code parties} requests are in flight at
 * once (or a bound runs out), then answers each {@code PUT /segments} with an empty write response.
 * It proves that a client can have {@code parties} requests on the wire together: with one permit
 * fewer the latch never opens.
 */
final class BarrierServer implements AutoCloseable {
  private static final byte[] WRITE_RESPONSE =
      "{\"data\":[],\"meta\":{}}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads;
  private final CountDownLatch allInFlight;
  private final Duration bound;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  private BarrierServer(int parties, Duration bound) throws IOException {
    this.allInFlight = new CountDownLatch(parties);
    this.bound = bound;
    this.threads = Executors.newFixedThreadPool(parties + 8);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static BarrierServer waitingFor(int parties, Duration bound) {
    try {
      return new BarrierServer(parties, bound);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri(String storeHash) {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/stores/" + storeHash + "/v3");
  }

  /** Whether {@code parties} requests were in flight at the same time. */
  boolean barrierReached() {
    return allInFlight.getCount() == 0;
  }

  /** The most requests in flight at once. */
  int peakInFlight() {
    return peak.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      allInFlight.countDown();
      try {
        allInFlight.await(bound.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inFlight.decrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, WRITE_RESPONSE.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(WRITE_RESPONSE);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
