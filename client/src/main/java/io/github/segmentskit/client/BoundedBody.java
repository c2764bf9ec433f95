package io.github.segmentskit.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one response body into memory, at most {@code maxBytes} of it: past the limit (or when the
 * declared {@code Content-Length} is already past it) it cancels the subscription, which closes the
 * connection, and fails. {@link #cancel} ends it from outside (a timeout). Flow guarantees that
 * {@code onNext} calls never overlap, so the buffer needs no lock.
 *
 * <p>When the last byte has been read, on the HttpClient's thread that delivered it, it runs {@code
 * whenRead} first and then completes {@link #read()} with the status, headers and body. Whoever
 * waits for the response waits for {@link #read()}, not for the future {@code sendAsync} returned:
 * the JDK completes that one on CompletableFuture's default executor, which on a machine with 2
 * CPUs or fewer starts a new thread per task. A response that never comes (no connection, a failed
 * or cancelled body) reaches {@link #read()} through {@link #exchangeEnded}.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
  private static final int INITIAL_CAPACITY = 8 * 1024;

  private final long maxBytes;
  private final Runnable whenRead;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final CompletableFuture<Read> read = new CompletableFuture<>();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private volatile HttpResponse.ResponseInfo info;
  private byte[] buffer;
  private int size;

  /** A response read to its last byte. */
  record Read(int status, HttpHeaders headers, byte[] body) {}

  private BoundedBody(long maxBytes, Runnable whenRead) {
    this.maxBytes = maxBytes;
    this.whenRead = whenRead;
  }

  /** A body that runs {@code whenRead} as soon as its last byte has been read. */
  static BoundedBody atMost(long maxBytes, Runnable whenRead) {
    return new BoundedBody(maxBytes, whenRead);
  }

  /**
   * Completes with the response once its last byte has been read, or fails as the exchange did
   * (with the cause {@code get()} on the exchange's future would have thrown).
   */
  CompletableFuture<Read> read() {
    return read;
  }

  /** Called when the exchange's future completes: tells {@link #read()} of a failure. */
  void exchangeEnded(HttpResponse<byte[]> response, Throwable failure) {
    if (failure != null) {
      Throwable cause = failure.getCause();
      read.completeExceptionally(
          failure instanceof CompletionException && cause != null ? cause : failure);
    } else {
      // Only if the body never completed (it always does before its exchange): the response.
      read.complete(new Read(response.statusCode(), response.headers(), response.body()));
    }
  }

  /** The subscriber for a response whose headers just arrived. */
  HttpResponse.BodySubscriber<byte[]> forResponse(HttpResponse.ResponseInfo info) {
    this.info = info;
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      cancel(new TooLarge(declared));
    } else if (declared > 0) {
      buffer = new byte[(int) declared];
    }
    return this;
  }

  /** Fails the body with {@code why} and closes the connection; no-op once the body is complete. */
  void cancel(Throwable why) {
    if (result.completeExceptionally(why)) {
      Flow.Subscription current = subscription.getAndSet(CANCELLED);
      if (current != null && current != CANCELLED) {
        current.cancel();
      }
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s)) {
      s.cancel(); // cancelled before the subscription came, or a second subscription
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int length = item.remaining();
      if (size + (long) length > maxBytes) {
        cancel(new TooLarge(-1));
        return;
      }
      ensureCapacity(size + length);
      item.get(buffer, size, length);
      size += length;
    }
  }

  private void ensureCapacity(int needed) {
    if (buffer == null) {
      buffer = new byte[(int) Math.min(maxBytes, Math.max(INITIAL_CAPACITY, needed))];
    } else if (needed > buffer.length) {
      long grown = Math.max(needed, Math.min(maxBytes, buffer.length * 2L));
      buffer = Arrays.copyOf(buffer, (int) grown);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    byte[] bytes = buffer == null ? new byte[0] : buffer;
    byte[] body = bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
    buffer = null;
    if (result.isDone()) {
      return; // cancelled: the exchange fails, and exchangeEnded says so
    }
    try {
      whenRead.run();
    } finally {
      if (result.complete(body)) {
        read.complete(new Read(info.statusCode(), info.headers(), body));
      }
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  /** A body past the limit. */
  static final class TooLarge extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    private final long declared;

    TooLarge(long declared) {
      super(
          declared < 0 ? "body past the limit" : "Content-Length " + declared + " past the limit");
      this.declared = declared;
    }

    long declared() {
      return declared;
    }
  }

  private static final Flow.Subscription CANCELLED =
      new Flow.Subscription() {
        @Override
        public void request(long n) {}

        @Override
        public void cancel() {}
      };
}
