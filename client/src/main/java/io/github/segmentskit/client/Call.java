package io.github.segmentskit.client;

import java.util.concurrent.CompletableFuture;

/**
 * One request to the API, checked and ready to send (compare Retrofit's and OkHttp's {@code Call}).
 * The resource methods that make it ({@code client.segments().update(list)} ...) validate their
 * input at once, in the caller's thread: a bad input throws {@link
 * io.github.segmentskit.client.exception.SegmentsValidationException} before any call exists, for
 * blocking and async use alike.
 *
 * <p>A call is immutable and may be executed any number of times; each execution sends anew (with
 * the client's retries, concurrency limit and listener).
 *
 * @param <T> what the call returns
 */
public interface Call<T> {

  /**
   * Runs the call on the calling thread and returns its result. Never waits on the client's own
   * executor, so it is safe to call from a callback of {@link #executeAsync()}.
   *
   * @throws io.github.segmentskit.client.exception.SegmentsException (a subtype) if it fails
   */
  T execute();

  /**
   * Runs the call on the client's executor; the future completes with the result or with the typed
   * {@link io.github.segmentskit.client.exception.SegmentsException}. A call still queued when the
   * client is closed fails with {@link
   * io.github.segmentskit.client.exception.ClientClosedException}.
   */
  CompletableFuture<T> executeAsync();

  /** The operation this call sends. */
  Operation operation();
}
