package io.github.segmentskit.limiter.redis;

import java.time.Duration;

/**
 * Whether Redis was found unreachable, and until when the limiter answers without asking it (fail
 * at once, or use the local fallback). After that, the next acquire tries Redis again: one failed
 * try per {@code retryAfter} per JVM, instead of every caller waiting for a timeout.
 */
final class Outage {
  private final long retryAfterNanos;
  private volatile boolean down;
  private volatile long retryAtNanos;
  private volatile Throwable cause;

  Outage(Duration retryAfter) {
    this.retryAfterNanos = retryAfter.toNanos();
  }

  /** True while Redis failed less than {@code retryAfter} ago. */
  boolean answerWithoutRedis() {
    return down && retryAtNanos - System.nanoTime() > 0;
  }

  /** True from a failure until a later success. */
  boolean down() {
    return down;
  }

  /** The last failure. */
  Throwable cause() {
    return cause;
  }

  void failed(Throwable failure) {
    cause = failure;
    retryAtNanos = System.nanoTime() + retryAfterNanos;
    down = true;
  }

  /** Ends the outage; true if there was one (the caller then repairs what Redis may have lost). */
  boolean recovered() {
    boolean was = down;
    down = false;
    return was;
  }
}
