package io.github.segmentskit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A server on 127.0.0.1 that answers every {@code PUT} with a canned write response holding as many
 * segments as the request had ids. Run as its own process ({@link #main}) so that its work and
 * allocations do not count against the client being measured.
 *
 * <p>Two modes. Without arguments it answers at once (benchmarks 2 and 3). With {@code <latencyMs>
 * <limit>} it holds each request {@code latencyMs} before answering, counts the requests in flight
 * and answers 429 at once to a request that would make more than {@code limit} (benchmark 5).
 *
 * <p>A request counts as in flight from the moment its handler starts (its headers have arrived)
 * until just before the response is written. That window lies inside the client's (from sending the
 * first byte to reading the last), so the peak it reports is never more than the client really had
 * in flight: a peak above the limit is a real breach, never an artefact of the server's scheduling.
 *
 * <p>Control over standard input and output, one line each: {@code RESET} zeroes the counters
 * (answers {@code OK}); {@code STATS} answers {@code STATS <received> <peak in flight> <429s>
 * <connections>}, the last being the number of client connections (distinct client ports) that
 * carried a request. The server stops when its standard input closes.
 */
public final class CannedServer {
  private static final Map<Integer, byte[]> RESPONSES = new ConcurrentHashMap<>();
  private static final byte[] TOO_MANY =
      "{\"status\":429,\"title\":\"too many requests in flight\"}".getBytes(StandardCharsets.UTF_8);

  private final long latencyMillis;
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final LongAdder received = new LongAdder();
  private final LongAdder tooMany = new LongAdder();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  private CannedServer(long latencyMillis, int limit) {
    this.latencyMillis = latencyMillis;
    this.limit = limit;
  }

  /** Prints {@code PORT <n>} once serving, then serves until its standard input closes. */
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    long latencyMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    CannedServer canned = new CannedServer(latencyMillis, limit);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/", canned::handle);
    // Holding requests needs a thread per request held (a client that ignored the limit would
    // have all its callers' requests here at once); answering at once needs only a few.
    ExecutorService handlers =
        latencyMillis > 0 ? Executors.newCachedThreadPool() : Executors.newFixedThreadPool(4);
    server.setExecutor(handlers);
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      switch (line.trim()) {
        case "RESET" -> {
          canned.reset();
          System.out.println("OK");
        }
        case "STATS" ->
            System.out.println(
                "STATS "
                    + canned.received.sum()
                    + " "
                    + canned.peak.get()
                    + " "
                    + canned.tooMany
                    + " "
                    + canned.clientPorts.size());
        default -> System.out.println("ERROR unknown command " + line);
      }
      System.out.flush();
    }
    server.stop(0);
    System.exit(0);
  }

  private void reset() {
    received.reset();
    tooMany.reset();
    clientPorts.clear();
    peak.set(inFlight.get());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.increment();
      clientPorts.add(exchange.getRemoteAddress().getPort());
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      byte[] body;
      int status;
      try {
        byte[] request = exchange.getRequestBody().readAllBytes();
        if (now > limit) {
          tooMany.increment();
          status = 429;
          body = TOO_MANY;
        } else {
          int ids = count(new String(request, StandardCharsets.UTF_8), "\"id\"");
          body = RESPONSES.computeIfAbsent(ids, Payloads::writeResponse);
          status = 201;
          hold();
        }
      } finally {
        inFlight.decrementAndGet();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void hold() {
    if (latencyMillis <= 0) {
      return;
    }
    try {
      TimeUnit.MILLISECONDS.sleep(latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int count(String text, String word) {
    int count = 0;
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
      count++;
    }
    return count;
  }
}
