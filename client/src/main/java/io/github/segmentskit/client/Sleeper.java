package io.github.segmentskit.client;

import java.time.Duration;

/** Waits between retries. Tests replace it with one that records the waits and returns at once. */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real thing: {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
