package io.github.segmentskit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A zero-latency server on 127.0.0.1 that answers every {@code PUT} with a canned write response
 * holding as many segments as the request had ids. Run as its own process ({@link #main}) so that
 * its work and allocations do not count against the client being measured.
 */
public final class CannedServer {
  private static final Map<Integer, byte[]> RESPONSES = new ConcurrentHashMap<>();

  private CannedServer() {}

  /** Prints {@code PORT <n>} once serving, then serves until its standard input closes. */
  public static void main(String[] args) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", CannedServer::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    System.out.println("PORT " + server.getAddress().getPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Serve until the parent goes away.
    }
    server.stop(0);
    System.exit(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request = exchange.getRequestBody().readAllBytes();
      int ids = count(new String(request, StandardCharsets.UTF_8), "\"id\"");
      byte[] body = RESPONSES.computeIfAbsent(ids, Payloads::writeResponse);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
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
