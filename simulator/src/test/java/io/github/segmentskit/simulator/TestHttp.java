package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A small HTTP client for the tests: JSON requests with a token to one store of a simulator, over
 * loopback with HTTP/1.1, every call bounded in time. Records every exchange for later checks.
 */
final class TestHttp {

  static final String TOKEN = SimulatorConfig.DEV_TOKEN;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** A request sent and the response it got. */
  record Exchange(
      String method,
      String pathAndQuery,
      HttpHeaders requestHeaders,
      String requestBody,
      Response response) {}

  /** A response: status, headers, body text. */
  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient client;
  private final URI base;
  private final String token;
  private final List<Exchange> exchanges;

  private TestHttp(HttpClient client, URI base, String token, List<Exchange> exchanges) {
    this.client = client;
    this.base = base;
    this.token = token;
    this.exchanges = exchanges;
  }

  static TestHttp to(URI base) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    return new TestHttp(client, base, TOKEN, new ArrayList<>());
  }

  /** The same client with another token (null: no token). */
  TestHttp withToken(String otherToken) {
    return new TestHttp(client, base, otherToken, exchanges);
  }

  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  Response post(String pathAndQuery, String json) {
    return send("POST", pathAndQuery, json);
  }

  Response put(String pathAndQuery, String json) {
    return send("PUT", pathAndQuery, json);
  }

  Response delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null);
  }

  Response send(String method, String pathAndQuery, String json, String... headers) {
    HttpRequest request = request(method, pathAndQuery, json, headers);
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return record(method, pathAndQuery, request, json, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  CompletableFuture<Response> sendAsync(String method, String pathAndQuery, String json) {
    HttpRequest request = request(method, pathAndQuery, json);
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> record(method, pathAndQuery, request, json, response));
  }

  private HttpRequest request(String method, String pathAndQuery, String json, String... headers) {
    requireNonNull(pathAndQuery, "pathAndQuery == null");
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("X-Auth-Token", token);
    }
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    builder.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return builder.build();
  }

  private synchronized Response record(
      String method,
      String pathAndQuery,
      HttpRequest request,
      String json,
      HttpResponse<String> response) {
    Response result = new Response(response.statusCode(), response.headers(), response.body());
    exchanges.add(
        new Exchange(method, base.getPath() + pathAndQuery, request.headers(), json, result));
    return result;
  }
}
