package io.github.segmentskit.contract;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;

/**
 * WireMock logs a request once its response is fully written, which may be just after the client
 * has read a short response (a 204, a fault): tests wait for the log before checking it.
 */
final class ServeEvents {
  private static final long MAX_WAIT_MS = 2_000;

  private ServeEvents() {}

  /** Waits (at most 2 s) until WireMock has logged {@code count} requests, then returns the log. */
  static List<ServeEvent> awaitCount(WireMockExtension wireMock, int count) {
    long deadline = System.currentTimeMillis() + MAX_WAIT_MS;
    List<ServeEvent> events = wireMock.getAllServeEvents();
    while (events.size() < count && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      events = wireMock.getAllServeEvents();
    }
    return events;
  }
}
