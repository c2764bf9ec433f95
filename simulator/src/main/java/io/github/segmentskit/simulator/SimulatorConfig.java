package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The immutable configuration of a {@link SegmentsSimulator}; built with {@link
 * SegmentsSimulator#builder()}, which documents the defaults. The constructor checks every value
 * and says which one is wrong.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port to bind; 0 picks a free one
 * @param minLatency the least time a request is held in flight before it is handled
 * @param maxLatency the most; a random time between the two (inclusive) is used
 * @param modifyTokens the {@code X-Auth-Token}s with the Customers modify scope
 * @param readOnlyTokens the tokens with only the read-only scope
 * @param maxConcurrentRequests requests one store may have in flight; more are answered with 429
 * @param threads the server's fixed thread pool; must exceed {@code maxConcurrentRequests} so that
 *     excess requests are really concurrent (and refused) instead of queued
 * @param clock the source of {@code created_at} and {@code updated_at}
 * @param putSegmentsStatus the success status of {@code PUT /segments}: 201 (the reference) or 200
 * @param rateLimitQuota the authenticated requests per window and store, reported in {@code
 *     X-Rate-Limit-Requests-Quota} (and enforced if {@code quotaEnforced})
 * @param rateLimitWindow the window, reported in {@code X-Rate-Limit-Time-Window-Ms}
 * @param retryAfter the wait a 429 asks for ({@code X-Rate-Limit-Time-Reset-Ms}, {@code
 *     X-Retry-After} rounded up to whole seconds)
 * @param faults the random faults to inject
 * @param quotaEnforced whether a store's requests over {@code rateLimitQuota} in a window are
 *     answered with 429 until the window resets (otherwise the quota is only reported)
 * @param rateLimitClock the clock of the rate-limit windows and of {@link
 *     SimulatedStore#rateLimitFor(java.time.Duration)}
 */
public record SimulatorConfig(
    String host,
    int port,
    Duration minLatency,
    Duration maxLatency,
    Set<String> modifyTokens,
    Set<String> readOnlyTokens,
    int maxConcurrentRequests,
    int threads,
    Clock clock,
    int putSegmentsStatus,
    int rateLimitQuota,
    Duration rateLimitWindow,
    Duration retryAfter,
    FaultInjection faults,
    boolean quotaEnforced,
    Clock rateLimitClock) {

  /**
   * The modify token used when none is configured. A well-known development value, NOT a secret:
   * the simulator guards nothing.
   */
  public static final String DEV_TOKEN = "simulator-token";

  /** The requests per window and store the headers report by default (BigCommerce's 150). */
  public static final int DEFAULT_RATE_LIMIT_QUOTA = 150;

  /** The rate-limit window by default (BigCommerce's 30 s). */
  public static final Duration DEFAULT_RATE_LIMIT_WINDOW = Duration.ofSeconds(30);

  /** Checks and copies every value. */
  public SimulatorConfig {
    requireNonNull(host, "host == null");
    requireNonNull(minLatency, "minLatency == null");
    requireNonNull(maxLatency, "maxLatency == null");
    requireNonNull(modifyTokens, "modifyTokens == null");
    requireNonNull(readOnlyTokens, "readOnlyTokens == null");
    requireNonNull(clock, "clock == null");
    requireNonNull(rateLimitWindow, "rateLimitWindow == null");
    requireNonNull(retryAfter, "retryAfter == null");
    requireNonNull(faults, "faults == null");
    requireNonNull(rateLimitClock, "rateLimitClock == null");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
    }
    if (minLatency.isNegative()) {
      throw new IllegalArgumentException("latency must be >= 0 but was " + minLatency);
    }
    if (maxLatency.compareTo(minLatency) < 0) {
      throw new IllegalArgumentException(
          "maximum latency " + maxLatency + " is less than minimum latency " + minLatency);
    }
    modifyTokens = tokens("modifyTokens", modifyTokens);
    readOnlyTokens = tokens("readOnlyTokens", readOnlyTokens);
    if (modifyTokens.isEmpty()) {
      throw new IllegalArgumentException("modifyTokens is empty: give at least one modify token");
    }
    Set<String> both = new HashSet<>(modifyTokens);
    both.retainAll(readOnlyTokens);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException(
          both.size() + " token(s) are both modify and read-only tokens; a token has one scope");
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be >= 1 but was " + maxConcurrentRequests);
    }
    if (threads <= maxConcurrentRequests) {
      throw new IllegalArgumentException(
          "threads must be > maxConcurrentRequests ("
              + maxConcurrentRequests
              + ") so that excess requests are refused, not queued, but was "
              + threads);
    }
    if (putSegmentsStatus != 200 && putSegmentsStatus != 201) {
      throw new IllegalArgumentException(
          "putSegmentsStatus must be 200 or 201 but was " + putSegmentsStatus);
    }
    if (rateLimitQuota < 1) {
      throw new IllegalArgumentException("rateLimitQuota must be >= 1 but was " + rateLimitQuota);
    }
    if (rateLimitWindow.toMillis() < 1) {
      throw new IllegalArgumentException(
          "rateLimitWindow must be at least 1 ms but was " + rateLimitWindow);
    }
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be >= 0 but was " + retryAfter);
    }
  }

  private static Set<String> tokens(String name, Set<String> tokens) {
    for (String token : tokens) {
      requireNonNull(token, name + " contains null");
      if (token.isBlank()) {
        throw new IllegalArgumentException(name + " contains a blank token");
      }
    }
    return Set.copyOf(tokens);
  }

  /** Whether latency is random (between {@code minLatency} and {@code maxLatency}). */
  boolean hasRandomLatency() {
    return !minLatency.equals(maxLatency);
  }

  @Override
  public String toString() {
    // Tokens are left out: the record's default toString would print them.
    return "SimulatorConfig{host="
        + host
        + ", port="
        + port
        + ", latency="
        + minLatency
        + (hasRandomLatency() ? ".." + maxLatency : "")
        + ", modifyTokens="
        + modifyTokens.size()
        + ", readOnlyTokens="
        + readOnlyTokens.size()
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", threads="
        + threads
        + ", putSegmentsStatus="
        + putSegmentsStatus
        + ", faults="
        + faults
        + ", quota="
        + rateLimitQuota
        + " per "
        + rateLimitWindow.toMillis()
        + " ms"
        + (quotaEnforced ? " (enforced)" : " (reported)")
        + "}";
  }
}
