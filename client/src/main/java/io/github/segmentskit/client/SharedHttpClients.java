package io.github.segmentskit.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code java.net.http.HttpClient}s the clients share, one per connect timeout. An {@code
 * HttpClient} is meant to be shared (a connection pool and one selector thread), and on Java 17 it
 * cannot be closed: its threads end only when it is garbage. A client per {@code SegmentsClient}
 * would leave threads behind every closed client; shared ones are built once and reused, so opening
 * and closing clients costs no threads. Redirects are never followed.
 *
 * <p>At most {@value #MAX_SHARED} distinct connect timeouts are shared; past that each client gets
 * its own {@code HttpClient}.
 */
final class SharedHttpClients {
  private static final int MAX_SHARED = 16;
  private static final Map<Duration, HttpClient> BY_CONNECT_TIMEOUT = new LinkedHashMap<>();

  private SharedHttpClients() {}

  static HttpClient forConnectTimeout(Duration connectTimeout) {
    synchronized (BY_CONNECT_TIMEOUT) {
      HttpClient shared = BY_CONNECT_TIMEOUT.get(connectTimeout);
      if (shared != null) {
        return shared;
      }
      HttpClient client = newClient(connectTimeout);
      if (BY_CONNECT_TIMEOUT.size() < MAX_SHARED) {
        BY_CONNECT_TIMEOUT.put(connectTimeout, client);
      }
      return client;
    }
  }

  private static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
