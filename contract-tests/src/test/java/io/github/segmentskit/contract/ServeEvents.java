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

  /**
   * Waits (at most 2 s) until WireMock has logged {@code count} requests, then returns the log.
   *
   * @throws AssertionError if fewer were logged in that time
   */
  static List<ServeEvent> awaitCount(WireMockExtension wireMock, int count) {
    long deadline = System.nanoTime() + MAX_WAIT_MS * 1_000_000;
    List<ServeEvent> events = wireMock.getAllServeEvents();
    while (events.size() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "WireMock logged "
                + events.size()
                + " requests in "
                + MAX_WAIT_MS
                + " ms, expected "
                + count);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for WireMock's log", e);
      }
      events = wireMock.getAllServeEvents();
    }
    return events;
  }
}
