package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything the simulator keeps per store: its state, its in-flight limiter and its rate-limit
 * window.
 *
 * @param state the segments and shopper profiles
 * @param limiter the requests in flight
 * @param window the rate-limit window the response headers describe, and the store's rate limit
 */
record StoreContext(StoreState state, InFlightLimiter limiter, RateLimitWindow window) {

  StoreContext {
    requireNonNull(state, "state == null");
    requireNonNull(limiter, "limiter == null");
    requireNonNull(window, "window == null");
  }

  static StoreContext create(SimulatorConfig config, Metrics metrics, Supplier<UUID> ids) {
    return new StoreContext(
        new StoreState(config.clock(), ids),
        new InFlightLimiter(config.maxConcurrentRequests(), metrics),
        new RateLimitWindow(
            config.rateLimitClock(),
            config.rateLimitWindow(),
            config.rateLimitQuota(),
            config.quotaEnforced()));
  }

  /** Empties the store and clears its rate-limit state. */
  void reset() {
    state.reset();
    window.reset();
  }
}
