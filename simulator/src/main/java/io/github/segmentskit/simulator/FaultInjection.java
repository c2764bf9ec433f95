package io.github.segmentskit.simulator;

/**
 * Random failures for robustness tests: each admitted request is answered, with the given
 * probabilities, with 429 (with the rate-limit headers and a short reset) or 503, before it is
 * authenticated or touches the store.
 *
 * <p>Deterministic under a seed: one {@link java.util.Random} seeded with {@link #seed()} decides,
 * one draw per admitted request, so the same sequence of requests meets the same faults. Immutable;
 * {@code with...} return a copy.
 *
 * <pre>{@code
 * FaultInjection.seeded(42).withTooManyRequests(0.2).withServiceUnavailable(0.05)
 * }</pre>
 */
public final class FaultInjection {

  /** What a draw decided. */
  enum Fault {
    NONE,
    TOO_MANY_REQUESTS,
    SERVICE_UNAVAILABLE
  }

  private static final FaultInjection NONE = new FaultInjection(0, 0, 0);

  private final double tooManyRequests;
  private final double serviceUnavailable;
  private final long seed;

  private FaultInjection(double tooManyRequests, double serviceUnavailable, long seed) {
    checkProbability("tooManyRequests", tooManyRequests);
    checkProbability("serviceUnavailable", serviceUnavailable);
    if (tooManyRequests + serviceUnavailable > 1.0) {
      throw new IllegalArgumentException(
          "tooManyRequests + serviceUnavailable must be <= 1 but was "
              + (tooManyRequests + serviceUnavailable));
    }
    this.tooManyRequests = tooManyRequests;
    this.serviceUnavailable = serviceUnavailable;
    this.seed = seed;
  }

  private static void checkProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1 but was " + value);
    }
  }

  /** No faults (the default). */
  public static FaultInjection none() {
    return NONE;
  }

  /** No faults yet, with the seed of the random draws; add them with the {@code with} methods. */
  public static FaultInjection seeded(long seed) {
    return new FaultInjection(0, 0, seed);
  }

  /** A copy that answers this share of admitted requests (0 to 1) with 429. */
  public FaultInjection withTooManyRequests(double probability) {
    return new FaultInjection(probability, serviceUnavailable, seed);
  }

  /** A copy that answers this share of admitted requests (0 to 1) with 503. */
  public FaultInjection withServiceUnavailable(double probability) {
    return new FaultInjection(tooManyRequests, probability, seed);
  }

  /** The probability of a 429. */
  public double tooManyRequests() {
    return tooManyRequests;
  }

  /** The probability of a 503. */
  public double serviceUnavailable() {
    return serviceUnavailable;
  }

  /** The seed of the random draws. */
  public long seed() {
    return seed;
  }

  /** Whether any fault can happen. */
  public boolean isActive() {
    return tooManyRequests > 0 || serviceUnavailable > 0;
  }

  /** The fault a uniform draw in [0, 1) selects. */
  Fault pick(double draw) {
    if (draw < tooManyRequests) {
      return Fault.TOO_MANY_REQUESTS;
    }
    if (draw < tooManyRequests + serviceUnavailable) {
      return Fault.SERVICE_UNAVAILABLE;
    }
    return Fault.NONE;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaultInjection that
        && tooManyRequests == that.tooManyRequests
        && serviceUnavailable == that.serviceUnavailable
        && seed == that.seed;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(tooManyRequests) * 31 * 31
        + Double.hashCode(serviceUnavailable) * 31
        + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "FaultInjection{429="
        + tooManyRequests
        + ", 503="
        + serviceUnavailable
        + ", seed="
        + seed
        + "}";
  }
}
