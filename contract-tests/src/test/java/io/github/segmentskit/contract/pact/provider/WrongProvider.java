package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A deliberately wrong provider for the control tests: a small HTTP server on loopback in front of
 * a real simulator, forwarding every request to it and getting one thing wrong ({@link Fault}). The
 * pacts must fail against it, in exactly the interactions the fault touches ({@code
 * WrongProviderControlIT}); the fault-free and the lenient variants must pass.
 */
final class WrongProvider implements AutoCloseable {
  /** What the provider gets wrong. */
  enum Fault {
    /** Nothing: forwards everything as is. */
    NONE,
    /** Answers every DELETE with 204 and deletes nothing. */
    DELETES_NOTHING,
    /**
     * Ignores filters: a list with {@code id:in} is answered as the list without it, the shopper
     * profiles of a segment as every shopper profile, the segments of a profile as every segment.
     */
    IGNORES_FILTERS,
    /**
     * Answers a filtered list with one item, but the wrong one: the last item of the unfiltered
     * list (the state's other segment or profile).
     */
    ANSWERS_THE_WRONG_ITEM,
    /** Answers an update with the segments as they were, changing nothing. */
    IGNORES_UPDATE,
    /** Error bodies (and conflict errors) carry a {@code status} other than the response's. */
    WRONG_ERROR_STATUS,
    /** Answers an update with 202 instead of 200 or 201. */
    PUT_ANSWERS_202,
    /** Lenient, not wrong: list items carry only their {@code id}, as the spec allows. */
    SPARSE_ITEMS
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PROFILES_OF_SEGMENT =
      Pattern.compile(".*/segments/[^/]+/shopper-profiles");
  private static final Pattern SEGMENTS_OF_PROFILE =
      Pattern.compile(".*/shopper-profiles/[^/]+/segments");
  private static final Set<String> FORWARDED_HEADERS =
      Set.of("accept", "content-type", "x-auth-token");
  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection", "date", "keep-alive");

  private final URI upstream;
  private final Fault fault;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpClient http = HttpClient.newHttpClient();

  private WrongProvider(URI upstream, Fault fault) throws IOException {
    this.upstream = requireNonNull(upstream, "upstream == null");
    this.fault = requireNonNull(fault, "fault == null");
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /**
   * Starts a wrong provider on a free loopback port, in front of the server at {@code upstream}.
   */
  static WrongProvider start(URI upstream, Fault fault) {
    try {
      WrongProvider provider = new WrongProvider(upstream, fault);
      provider.server.start();
      return provider;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on (127.0.0.1). */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Incoming request = Incoming.of(exchange);
      Reply reply = answer(request);
      reply.headers.forEach(
          (name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
              exchange.getResponseHeaders().put(name, values);
            }
          });
      byte[] body = reply.body;
      exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (RuntimeException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      byte[] text = ("wrong provider failed: " + e).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(599, text.length);
      exchange.getResponseBody().write(text);
    }
  }

  private Reply answer(Incoming request) throws IOException, InterruptedException {
    String method = request.method;
    String path = request.path;
    return switch (fault) {
      case DELETES_NOTHING ->
          method.equals("DELETE") ? new Reply(204, Map.of(), new byte[0]) : forward(request);
      case IGNORES_FILTERS -> ignoringFilters(request);
      case ANSWERS_THE_WRONG_ITEM -> lastItemOnly(ignoringFilters(request), request);
      case IGNORES_UPDATE ->
          method.equals("PUT") && path.endsWith("/segments")
              ? ignoringUpdate(request)
              : forward(request);
      case WRONG_ERROR_STATUS -> withWrongErrorStatus(forward(request));
      case PUT_ANSWERS_202 -> {
        Reply reply = forward(request);
        yield method.equals("PUT") && reply.status < 300 ? reply.withStatus(202) : reply;
      }
      case SPARSE_ITEMS -> method.equals("GET") ? sparse(forward(request)) : forward(request);
      case NONE -> forward(request);
    };
  }

  private Reply ignoringFilters(Incoming request) throws IOException, InterruptedException {
    if (!request.method.equals("GET")) {
      return forward(request);
    }
    if (request.path.endsWith("/segments") && request.query.matches("(?i).*id(:|%3A)in=.*")) {
      String rest =
          List.of(request.query.split("&")).stream()
              .filter(pair -> !pair.matches("(?i)id(:|%3A)in=.*"))
              .collect(Collectors.joining("&"));
      return forward(request.with(request.path, rest));
    }
    Reply filtered = forward(request);
    if (filtered.status != 200) {
      return filtered;
    }
    if (PROFILES_OF_SEGMENT.matcher(request.path).matches()) {
      String all =
          request.path.replaceFirst("/segments/[^/]+/shopper-profiles$", "/shopper-profiles");
      return forward(request.with(all, request.query));
    }
    if (SEGMENTS_OF_PROFILE.matcher(request.path).matches()) {
      String all = request.path.replaceFirst("/shopper-profiles/[^/]+/segments$", "/segments");
      return forward(request.with(all, request.query));
    }
    return filtered;
  }

  private static Reply lastItemOnly(Reply reply, Incoming request) throws IOException {
    boolean filtered =
        request.method.equals("GET")
            && (request.query.matches("(?i).*id(:|%3A)in=.*")
                || PROFILES_OF_SEGMENT.matcher(request.path).matches()
                || SEGMENTS_OF_PROFILE.matcher(request.path).matches());
    if (!filtered || reply.status != 200) {
      return reply;
    }
    JsonNode body = JSON.readTree(reply.body);
    if (body.path("data") instanceof ArrayNode data && data.size() > 1) {
      JsonNode last = data.get(data.size() - 1);
      data.removeAll();
      data.add(last);
    }
    return new Reply(reply.status, reply.headers, JSON.writeValueAsBytes(body));
  }

  private Reply ignoringUpdate(Incoming request) throws IOException, InterruptedException {
    JsonNode items = JSON.readTree(request.body);
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.path("id").asText()));
    Reply current =
        forward(
            new Incoming(
                "GET",
                request.path,
                "id:in=" + String.join(",", ids),
                request.headers,
                new byte[0]));
    if (current.status != 200) {
      return current;
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("data", JSON.readTree(current.body).path("data"));
    body.set("meta", JSON.createObjectNode());
    return new Reply(201, current.headers, JSON.writeValueAsBytes(body));
  }

  private static Reply withWrongErrorStatus(Reply reply) throws IOException {
    if (reply.status < 400 || reply.body.length == 0) {
      return reply;
    }
    JsonNode body = JSON.readTree(reply.body);
    int wrong = reply.status == 400 ? 500 : 400;
    if (body instanceof ObjectNode object && object.has("status")) {
      object.put("status", wrong);
    }
    if (body.path("errors") instanceof ArrayNode errors) {
      errors.forEach(
          error -> {
            if (error instanceof ObjectNode e && e.has("status")) {
              e.put("status", wrong);
            }
          });
    }
    return new Reply(reply.status, reply.headers, JSON.writeValueAsBytes(body));
  }

  private static Reply sparse(Reply reply) throws IOException {
    if (reply.status != 200) {
      return reply;
    }
    JsonNode body = JSON.readTree(reply.body);
    if (body.path("data") instanceof ArrayNode data) {
      data.forEach(
          item -> {
            if (item instanceof ObjectNode object) {
              object.retain("id");
            }
          });
    }
    return new Reply(reply.status, reply.headers, JSON.writeValueAsBytes(body));
  }

  private Reply forward(Incoming request) throws IOException, InterruptedException {
    URI target =
        URI.create(
            upstream.toString().replaceFirst("/+$", "")
                + request.path
                + (request.query.isEmpty() ? "" : "?" + request.query));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(target)
            .method(
                request.method,
                request.body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body));
    request.headers.forEach(
        (name, values) -> {
          if (FORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            values.forEach(value -> builder.header(name, value));
          }
        });
    HttpResponse<byte[]> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(response.statusCode(), response.headers().map(), response.body());
  }

  /** A request as received. */
  private record Incoming(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    static Incoming of(HttpExchange exchange) throws IOException {
      URI uri = exchange.getRequestURI();
      try (InputStream in = exchange.getRequestBody()) {
        return new Incoming(
            exchange.getRequestMethod(),
            uri.getRawPath(),
            uri.getRawQuery() == null ? "" : uri.getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            in.readAllBytes());
      }
    }

    Incoming with(String newPath, String newQuery) {
      return new Incoming(method, newPath, newQuery, headers, body);
    }
  }

  /** A response to send. */
  private record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    Reply withStatus(int newStatus) {
      return new Reply(newStatus, headers, body);
    }
  }
}
