package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-store request window the {@code X-Rate-Limit-*} headers describe, and the store's
 * rate-limit state.
 *
 * <p>A window opens with the first request counted after the previous one ran out and lasts {@code
 * window}; each authenticated request counts against its quota. When the quota is enforced, a
 * request over it is refused (429) until the window resets; otherwise the quota is only reported,
 * and a {@code X-Rate-Limit-Requests-Left} of 0 refuses nothing. Independently, {@link
 * #block(Duration)} rate limits the store: every request it would count is refused until the block
 * ends, and a fresh window opens after it.
 *
 * <p>Time comes from the injected clock (milliseconds); a clock that goes back opens a new window.
 * Thread-safe.
 */
final class RateLimitWindow {

  static final String WINDOW_MS = "X-Rate-Limit-Time-Window-Ms";
  static final String RESET_MS = "X-Rate-Limit-Time-Reset-Ms";
  static final String QUOTA = "X-Rate-Limit-Requests-Quota";
  static final String LEFT = "X-Rate-Limit-Requests-Left";
  static final String RETRY_AFTER = "X-Retry-After";

  /** What became of a request the window was asked to admit. */
  enum Verdict {
    /** Counted and admitted. */
    ADMITTED,
    /** Refused: the enforced quota of the window is used up. */
    OVER_QUOTA,
    /** Refused: the store is rate limited ({@link #block(Duration)}). */
    RATE_LIMITED
  }

  /**
   * The verdict on one request and the rate-limit headers of its response.
   *
   * @param verdict admitted or why not
   * @param headers the {@code X-Rate-Limit-*} headers, with {@code X-Retry-After} on a refusal
   */
  record Admission(Verdict verdict, Map<String, String> headers) {
    Admission {
      requireNonNull(verdict, "verdict == null");
      headers = Map.copyOf(headers);
    }

    boolean admitted() {
      return verdict == Verdict.ADMITTED;
    }
  }

  private final Clock clock;
  private final long windowMillis;
  private final int quota;
  private final boolean enforced;
  private boolean open;
  private long windowStart;
  private int used;
  private boolean blocked;
  private long blockedUntil;

  RateLimitWindow(Clock clock, Duration window, int quota, boolean enforced) {
    this.clock = requireNonNull(clock, "clock == null");
    requireNonNull(window, "window == null");
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be at least 1 ms but was " + window);
    }
    if (quota < 1) {
      throw new IllegalArgumentException("quota must be >= 1 but was " + quota);
    }
    this.windowMillis = window.toMillis();
    this.quota = quota;
    this.enforced = enforced;
  }

  /** Counts one request if it may go on, and says whether it may. */
  synchronized Admission admit() {
    long now = clock.millis();
    expire(now);
    if (blocked) {
      return new Admission(Verdict.RATE_LIMITED, refusal(blockedUntil - now));
    }
    if (!open) {
      open = true;
      windowStart = now;
      used = 0;
    }
    long resetMillis = windowStart + windowMillis - now;
    if (enforced && used >= quota) {
      return new Admission(Verdict.OVER_QUOTA, refusal(resetMillis));
    }
    used++;
    return new Admission(Verdict.ADMITTED, headers(resetMillis, quota - used));
  }

  /** The headers of a response that was not counted (refused before authentication, say). */
  synchronized Map<String, String> peek() {
    long now = clock.millis();
    expire(now);
    if (blocked) {
      return headers(blockedUntil - now, 0);
    }
    if (!open) {
      return headers(windowMillis, quota);
    }
    return headers(windowStart + windowMillis - now, quota - used);
  }

  /** Refuses every request it would count for {@code duration}; a fresh window opens after. */
  synchronized void block(Duration duration) {
    requireNonNull(duration, "duration == null");
    if (duration.toMillis() < 1) {
      throw new IllegalArgumentException("duration must be at least 1 ms but was " + duration);
    }
    blocked = true;
    blockedUntil = clock.millis() + duration.toMillis();
    open = false;
    used = 0;
  }

  /** Ends a block at once. */
  synchronized void unblock() {
    blocked = false;
  }

  /** No block, no open window: the store's next request opens a fresh one. */
  synchronized void reset() {
    blocked = false;
    open = false;
    used = 0;
  }

  private void expire(long now) {
    if (blocked && now >= blockedUntil) {
      blocked = false;
    }
    if (open && (now - windowStart >= windowMillis || now < windowStart)) {
      open = false;
      used = 0;
    }
  }

  private Map<String, String> refusal(long resetMillis) {
    Map<String, String> headers = headers(resetMillis, 0);
    headers.put(RETRY_AFTER, String.valueOf(ceilSeconds(resetMillis)));
    return headers;
  }

  private Map<String, String> headers(long resetMillis, int left) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WINDOW_MS, String.valueOf(windowMillis));
    headers.put(RESET_MS, String.valueOf(Math.max(0, resetMillis)));
    headers.put(QUOTA, String.valueOf(quota));
    headers.put(LEFT, String.valueOf(Math.max(0, left)));
    return headers;
  }

  /** Whole seconds, rounded up: {@code X-Retry-After} must not ask for less than the reset. */
  static long ceilSeconds(long millis) {
    return (Math.max(0, millis) + 999) / 1000;
  }
}
