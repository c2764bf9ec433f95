package io.github.segmentskit.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A deadline for reading a response body. The JDK {@code HttpClient}'s request timeout stops at the
 * response headers; a server that then stalls mid-body (WireMock's {@code MALFORMED_RESPONSE_CHUNK}
 * does) would block the generated client's {@code readAllBytes()} forever. Installed as the
 * generated {@code ApiClient}'s response interceptor, this closes the body stream once the request
 * timeout has run out again after the headers arrived; the blocked read then ends and {@link
 * Caller} reports a {@link SegmentsTimeoutException}.
 */
final class BodyDeadline implements Consumer<HttpResponse<InputStream>> {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "segments-body-deadline");
            thread.setDaemon(true);
            return thread;
          });

  private final Duration timeout;
  private final ThreadLocal<Watch> current = new ThreadLocal<>();

  BodyDeadline(Duration timeout) {
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** Starts watching the call the current thread is about to make. */
  Watch start() {
    Watch watch = new Watch();
    current.set(watch);
    return watch;
  }

  @Override
  public void accept(HttpResponse<InputStream> response) {
    Watch watch = current.get();
    if (watch != null && response.body() != null) {
      watch.arm(response.body(), timeout);
    }
  }

  /** The deadline of one call. */
  final class Watch implements AutoCloseable {
    private volatile boolean fired;
    private volatile ScheduledFuture<?> task;

    private void arm(InputStream body, Duration after) {
      task =
          TIMER.schedule(
              () -> {
                fired = true;
                try {
                  body.close();
                } catch (IOException e) {
                  // Closing is all we can do; the reader sees the end of the stream either way.
                }
              },
              after.toNanos(),
              TimeUnit.NANOSECONDS);
    }

    boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      ScheduledFuture<?> scheduled = task;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      current.remove();
    }
  }
}
