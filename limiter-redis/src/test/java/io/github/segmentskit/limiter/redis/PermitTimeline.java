package io.github.segmentskit.limiter.redis;

import io.github.segmentskit.client.ConcurrencyLimiter;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Stamps every permit of a {@link FleetChild} ({@code timeline=true}) with {@link
 * System#nanoTime()}: asked for, granted, request handed to the {@code HttpClient}, response's last
 * byte read, given back. Only at the client's extension points: a {@link ConcurrencyLimiter} around
 * the real one, and an {@link HttpClient} around the real one (the client takes a permit and sends
 * on the caller's thread, which ties the two). {@link FleetTimeline} reads the lines it prints.
 */
final class PermitTimeline implements ConcurrencyLimiter {
  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

  private final ConcurrencyLimiter limiter;
  private final Queue<long[]> permits = new ConcurrentLinkedQueue<>();

  PermitTimeline(ConcurrencyLimiter limiter) {
    this.limiter = limiter;
  }

  /** Forgets the permits stamped so far (the warm-up's). */
  void clear() {
    permits.clear();
  }

  /** One {@code timeline <asked> <granted> <sent> <lastByte> <closed>} line per permit. */
  void print() {
    StringBuilder line = new StringBuilder();
    for (long[] stamps : permits) {
      line.setLength(0);
      line.append("timeline");
      for (long stamp : stamps) {
        line.append(' ').append(stamp);
      }
      System.out.println(line);
    }
  }

  @Override
  public Optional<Permit> acquire(Duration timeout) throws InterruptedException {
    long[] stamps = new long[5];
    stamps[0] = System.nanoTime();
    Optional<Permit> permit = limiter.acquire(timeout);
    stamps[1] = System.nanoTime();
    if (permit.isEmpty()) {
      return permit;
    }
    CURRENT.set(stamps);
    permits.add(stamps);
    Permit inner = permit.get();
    return Optional.of(
        () -> {
          if (stamps[4] == 0) {
            stamps[4] = System.nanoTime();
          }
          inner.close();
        });
  }

  @Override
  public void onRateLimited(Duration resetAfter) {
    limiter.onRateLimited(resetAfter);
  }

  @Override
  public void onQuota(long requestsLeft, Duration resetAfter) {
    limiter.onQuota(requestsLeft, resetAfter);
  }

  @Override
  public int maxConcurrentRequests() {
    return limiter.maxConcurrentRequests();
  }

  /** An {@code HttpClient} that stamps the request handed over and the last byte of its answer. */
  HttpClient http(HttpClient delegate) {
    return new StampingHttpClient(delegate);
  }

  private static final class StampingHttpClient extends HttpClient {
    private final HttpClient delegate;

    StampingHttpClient(HttpClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      long[] stamps = CURRENT.get();
      CURRENT.remove();
      if (stamps == null) {
        return delegate.sendAsync(request, handler);
      }
      stamps[2] = System.nanoTime();
      return delegate.sendAsync(request, info -> new Stamping<>(handler.apply(info), stamps));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return delegate.sendAsync(request, handler, push);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      return delegate.send(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }
  }

  /** Stamps the last byte, then passes it on. */
  private record Stamping<T>(HttpResponse.BodySubscriber<T> delegate, long[] stamps)
      implements HttpResponse.BodySubscriber<T> {
    @Override
    public CompletionStage<T> getBody() {
      return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      delegate.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      stamps[3] = System.nanoTime();
      delegate.onComplete();
    }
  }
}
