package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and after how long a {@link SegmentsClient} retries a failed request. Immutable; build with
 * {@link #builder()} or take {@link #defaults()}.
 *
 * <p>What is retried (up to {@code maxAttempts} attempts in all, the first included):
 *
 * <ul>
 *   <li><b>429</b>, for every method, POST included: the API refused the request, nothing was
 *       written. With {@code X-Rate-Limit-Time-Reset-Ms} the client waits exactly that long (or
 *       {@code X-Retry-After} seconds); if the wait would exceed {@code maxRateLimitWait} it gives
 *       up at once. Without those headers the platform is under load: exponential back-off with
 *       jitter.
 *   <li><b>502, 503, 504</b> and <b>connection failures</b> (reset, refused, empty or cut-off
 *       response), for GET, PUT and DELETE only: they are idempotent. A POST may have been executed
 *       before the failure, so retrying could create duplicates: it is not retried.
 *   <li><b>Timeouts</b> are not retried: the caller's time budget is the request timeout, and a
 *       slow API is not helped by more load.
 *   <li>Nothing else (4xx, 500, 501 ...): the same request would fail the same way.
 * </ul>
 *
 * <p>{@link #decide} is a pure function of its arguments and of the jitter source, which tests fix.
 */
public final class RetryPolicy {
  /** The cap on every wait a policy can ask for: one hour. */
  public static final Duration MAX_WAIT = Duration.ofHours(1);

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRateLimitWait;
  private final DoubleSupplier jitter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxRateLimitWait = builder.maxRateLimitWait;
    this.jitter = builder.jitter;
  }

  /** 3 attempts, back-off from 500 ms doubling up to 10 s, rate-limit waits up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.maxAttempts = maxAttempts;
    builder.initialBackoff = initialBackoff;
    builder.maxBackoff = maxBackoff;
    builder.maxRateLimitWait = maxRateLimitWait;
    builder.jitter = jitter;
    return builder;
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The back-off before the second attempt (before jitter). */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The longest back-off (before jitter). */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The longest wait a 429's headers may ask for; a longer one is not waited for. */
  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  /**
   * Decides whether to retry after attempt number {@code attempt} (1 for the first) of a {@code
   * method} request failed with {@code failure}.
   */
  public RetryDecision decide(String method, int attempt, SegmentsException failure) {
    requireNonNull(method, "method == null");
    requireNonNull(failure, "failure == null");
    if (failure instanceof SegmentsApiException api) {
      return decide(method, attempt, api.status(), api.headers());
    }
    checkAttempt(attempt);
    if (failure instanceof SegmentsTimeoutException) {
      return RetryDecision.stop("timeouts are not retried");
    }
    if (failure instanceof SegmentsConnectionException) {
      if (!isIdempotent(method)) {
        return RetryDecision.stop("connection failure of a " + method + " is not retried");
      }
      if (attempt >= maxAttempts) {
        return RetryDecision.stop("attempt " + attempt + " of " + maxAttempts);
      }
      return RetryDecision.retryAfter(backoff(attempt), "connection failure, back-off");
    }
    return RetryDecision.stop(failure.getClass().getSimpleName() + " is not retried");
  }

  /**
   * Decides whether to retry after attempt number {@code attempt} (1 for the first) of a {@code
   * method} request was answered with {@code status} and {@code headers} (names in any case).
   */
  public RetryDecision decide(
      String method, int attempt, int status, Map<String, List<String>> headers) {
    requireNonNull(method, "method == null");
    requireNonNull(headers, "headers == null");
    checkAttempt(attempt);
    if (status == 429) {
      if (attempt >= maxAttempts) {
        return RetryDecision.stop("429, attempt " + attempt + " of " + maxAttempts);
      }
      Optional<Duration> wait = RateLimitHeaders.from(headers).resetAfter();
      if (wait.isEmpty()) {
        return RetryDecision.retryAfter(backoff(attempt), "429 without reset header, back-off");
      }
      if (wait.get().compareTo(maxRateLimitWait) > 0) {
        return RetryDecision.stop(
            "429 asks to wait "
                + (wait.get().getSeconds() > 86_400L * 365
                    ? "more than a year"
                    : Durations.millis(wait.get()) + " ms")
                + ", more than maxRateLimitWait "
                + maxRateLimitWait.toMillis()
                + " ms");
      }
      return RetryDecision.retryAfter(wait.get(), "429, waiting for the rate-limit reset");
    }
    if (status == 502 || status == 503 || status == 504) {
      if (!isIdempotent(method)) {
        return RetryDecision.stop(status + " of a " + method + " is not retried");
      }
      if (attempt >= maxAttempts) {
        return RetryDecision.stop(status + ", attempt " + attempt + " of " + maxAttempts);
      }
      return RetryDecision.retryAfter(backoff(attempt), status + ", back-off");
    }
    return RetryDecision.stop(status + " is not retried");
  }

  /** Exponential back-off with "equal jitter": between half and all of the capped delay. */
  private Duration backoff(int attempt) {
    long base = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    long delay = base;
    for (int i = 1; i < attempt && delay < cap; i++) {
      delay = delay * 2;
    }
    delay = Math.min(delay, cap);
    double random = Math.min(1.0, Math.max(0.0, jitter.getAsDouble()));
    return Duration.ofMillis(delay / 2 + Math.round(delay / 2.0 * random));
  }

  private static boolean isIdempotent(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return upper.equals("GET") || upper.equals("PUT") || upper.equals("DELETE");
  }

  private static void checkAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRateLimitWait="
        + maxRateLimitWait
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setter validates its value. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(10);
    private Duration maxRateLimitWait = Duration.ofSeconds(60);
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Attempts in all, the first included; 1 means no retry. At most 10. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new IllegalArgumentException(
            "maxAttempts must be between 1 and 10, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The back-off before the second attempt; positive, at most one hour. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Durations.positive(initialBackoff, "initialBackoff", MAX_WAIT);
      return this;
    }

    /** The longest back-off; positive, at most one hour. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Durations.positive(maxBackoff, "maxBackoff", MAX_WAIT);
      return this;
    }

    /**
     * The longest wait a 429's headers may ask for; zero or more, at most one hour. A 429 asking
     * for longer fails at once with {@code RateLimitedException}.
     */
    public Builder maxRateLimitWait(Duration maxRateLimitWait) {
      this.maxRateLimitWait = Durations.nonNegative(maxRateLimitWait, "maxRateLimitWait", MAX_WAIT);
      return this;
    }

    /**
     * The source of jitter, values in [0, 1]: 0 waits half the back-off, 1 all of it. Tests fix it.
     */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalStateException if {@code initialBackoff} exceeds {@code maxBackoff}
     */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalStateException(
            "initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
      }
      return new RetryPolicy(this);
    }
  }
}
