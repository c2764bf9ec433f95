package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsException;
import java.time.Duration;

/**
 * Sees each call of a {@link SegmentsClient} from start to end (compare OkHttp's {@code
 * EventListener}): timings and outcomes, never the token and never a body. Every method has a no-op
 * default; override what you need. Give one listener for every call with {@code
 * SegmentsClient.Builder#eventListener}, or a {@link Factory} that makes one per call.
 *
 * <p>Methods run on the thread that runs the call, in this order for one call: {@link #callStart},
 * then per attempt {@link #permitAcquired} and {@link #attemptEnd} (a response came) or {@link
 * #attemptFailed} (none came, or it could not be read), then {@link #retrying} if the retry policy
 * said so, and last {@link #callEnd} or {@link #callFailed}. Keep them fast: they run inside the
 * call. An exception thrown by a listener is caught and ignored; it never fails the call.
 */
public interface EventListener {

  /** A listener that does nothing. */
  EventListener NONE = new EventListener() {};

  /** A call begins (its input was valid; nothing sent yet). */
  default void callStart(CallInfo call) {}

  /** Attempt {@code attempt} (from 1) got a permit after waiting {@code waited}. */
  default void permitAcquired(CallInfo call, int attempt, Duration waited) {}

  /**
   * Attempt {@code attempt} got a response with {@code status}, read to its last byte after {@code
   * duration} on the wire.
   */
  default void attemptEnd(CallInfo call, int attempt, int status, Duration duration) {}

  /**
   * Attempt {@code attempt} failed without a usable response (no permit, connection failure,
   * timeout, a body that could not be trusted); {@code failure} says why.
   */
  default void attemptFailed(
      CallInfo call, int attempt, SegmentsException failure, Duration duration) {}

  /** The retry policy decided to retry after attempt {@code attempt}: {@code decision} says why. */
  default void retrying(CallInfo call, int attempt, RetryDecision decision) {}

  /** The call succeeded after {@code duration} in all. */
  default void callEnd(CallInfo call, Duration duration) {}

  /** The call failed with {@code failure} after {@code duration} in all. */
  default void callFailed(CallInfo call, Duration duration, SegmentsException failure) {}

  /** Makes a listener for each call. */
  @FunctionalInterface
  interface Factory {
    /** The listener of {@code call}. */
    EventListener create(CallInfo call);
  }
}
