package io.github.segmentskit.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private SharedHttpClients() {}

  /**
   * Warns once when the JVM lets the JDK's HttpClient resend any request by itself: with {@code
   * jdk.httpclient.enableAllMethodRetry} it resends a PUT, DELETE or POST whose connection closed
   * before any byte of the answer, which can create a segment twice. The client cannot switch it
   * off for its own requests (the JDK reads it once, for the whole JVM).
   */
  static void warnIfTheJdkResendsEveryMethod() {
    String value = System.getProperty("jdk.httpclient.enableAllMethodRetry");
    if (value != null && !value.equalsIgnoreCase("false") && WARNED.compareAndSet(false, true)) {
      System.getLogger(SharedHttpClients.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "jdk.httpclient.enableAllMethodRetry is set: the JDK's HttpClient resends a POST whose"
                  + " connection closed before the answer, so a create may run twice");
    }
  }

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
