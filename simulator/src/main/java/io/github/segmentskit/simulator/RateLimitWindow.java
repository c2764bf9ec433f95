package io.github.segmentskit.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-store request window the {@code X-Rate-Limit-*} headers describe: each request counts
 * against the quota of the current window; a new window starts when it has run out.
 *
 * <p>The quota is reported, not enforced: the simulator throttles by requests in flight and by
 * {@link FaultInjection}, and an informational {@code X-Rate-Limit-Requests-Left} of 0 never
 * refuses a request.
 */
final class RateLimitWindow {

  static final String WINDOW_MS = "X-Rate-Limit-Time-Window-Ms";
  static final String RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
  static final String QUOTA = "X-Rate-Limit-Requests-Quota";
  static final String LEFT = "X-Rate-Limit-Requests-Left";
  static final String RETRY_AFTER = "X-Retry-After";

  private final long windowNanos;
  private final int quota;
  private long windowStart;
  private int used;

  RateLimitWindow(long windowMillis, int quota) {
    this.windowNanos = windowMillis * 1_000_000L;
    this.quota = quota;
    this.windowStart = System.nanoTime();
  }

  /** Counts one request and returns the four rate-limit headers of its response. */
  synchronized Map<String, String> count() {
    long now = System.nanoTime();
    if (now - windowStart >= windowNanos) {
      windowStart = now;
      used = 0;
    }
    used++;
    long resetMillis = Math.max(0, (windowNanos - (now - windowStart)) / 1_000_000L);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WINDOW_MS, String.valueOf(windowNanos / 1_000_000L));
    headers.put(RESET_MS, String.valueOf(resetMillis));
    headers.put(QUOTA, String.valueOf(quota));
    headers.put(LEFT, String.valueOf(Math.max(0, quota - used)));
    return headers;
  }
}
