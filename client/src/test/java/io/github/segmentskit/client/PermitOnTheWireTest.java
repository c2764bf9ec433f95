package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPut;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * When the permit of a request goes back: when the last byte of the response has been read, not
 * earlier (the server counts the request until then) and not later (the JDK completes the
 * exchange's future on another thread, started anew per exchange on small machines). A scripted
 * {@code HttpClient} delivers the response body in steps and completes the exchange's future only
 * when the test says so.
 */
class PermitOnTheWireTest {
  private static final String STORE = "abc123";
  private static final UUID ID = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final byte[] BODY =
      ("{\"data\":[{\"id\":\""
              + ID
              + "\",\"name\":\"VIP\",\"description\":\"d\","
              + "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-02T00:00:00Z\"}],"
              + "\"meta\":{}}")
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void permitReturnsAndCallEndsAsSoonAsTheLastByteIsReadWithoutWaitingForTheExchangeFuture()
      throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient();
    ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    try (SegmentsClient client = client(http, registry)) {
      CompletableFuture<List<Segment>> call = update(client);
      ScriptedHttpClient.Exchange exchange = http.nextExchange();
      assertThat(registry.permitsInUse(STORE)).isEqualTo(1);

      exchange.deliver(BODY.length);
      exchange.end();

      assertThat(registry.permitsInUse(STORE)).isZero();
      assertThat(call.get(10, TimeUnit.SECONDS)).extracting(Segment::getId).containsExactly(ID);
      assertThat(exchange.futureCompleted()).isFalse();
      exchange.completeFuture();
    }
  }

  @Test
  void aFailedExchangeStillFailsTheCallAndReturnsThePermit() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient();
    ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    try (SegmentsClient client = client(http, registry)) {
      CompletableFuture<List<Segment>> call = update(client);
      ScriptedHttpClient.Exchange exchange = http.nextExchange();

      exchange.deliver(10);
      exchange.fail(new java.io.IOException("connection reset"));

      assertThat(call)
          .failsWithin(Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(io.github.segmentskit.client.exception.SegmentsConnectionException.class);
      assertThat(registry.permitsInUse(STORE)).isZero();
    }
  }

  @Test
  void permitIsHeldWhileTheBodyIsStillBeingRead() throws Exception {
    ScriptedHttpClient http = new ScriptedHttpClient();
    ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    try (SegmentsClient client = client(http, registry)) {
      CompletableFuture<List<Segment>> call = update(client);
      ScriptedHttpClient.Exchange exchange = http.nextExchange();

      exchange.deliver(BODY.length - 1);

      assertThat(registry.permitsInUse(STORE)).isEqualTo(1);
      exchange.deliver(1);
      exchange.end();
      exchange.completeFuture();
      assertThat(call.get(10, TimeUnit.SECONDS)).hasSize(1);
      assertThat(registry.permitsInUse(STORE)).isZero();
    }
  }

  private static SegmentsClient client(HttpClient http, ConcurrencyLimiterRegistry registry) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken("tok3n-s3cr3t-value")
        .baseUri(URI.create("http://127.0.0.1:9/stores/" + STORE + "/v3"))
        .limiterRegistry(registry)
        .retryPolicy(RetryPolicy.none())
        .httpClient(http)
        .build();
  }

  private static CompletableFuture<List<Segment>> update(SegmentsClient client) {
    return client.segments().update(List.of(new SegmentPut().id(ID).name("VIP"))).executeAsync();
  }

  /** An HttpClient whose exchanges the test drives step by step. */
  private static final class ScriptedHttpClient extends HttpClient {
    private final BlockingQueue<Exchange> exchanges = new LinkedBlockingQueue<>();

    Exchange nextExchange() throws InterruptedException {
      Exchange exchange = exchanges.poll(10, TimeUnit.SECONDS);
      assertThat(exchange).as("an exchange was sent").isNotNull();
      return exchange;
    }

    /** One exchange: a 201 whose body arrives when the test delivers it. */
    static final class Exchange implements Flow.Subscription {
      private final HttpRequest request;
      private final HttpResponse.BodySubscriber<Object> subscriber;
      private final CompletableFuture<HttpResponse<Object>> future = new CompletableFuture<>();
      private int sent;

      Exchange(HttpRequest request, HttpResponse.BodySubscriber<Object> subscriber) {
        this.request = request;
        this.subscriber = subscriber;
      }

      void deliver(int bytes) {
        subscriber.onNext(List.of(ByteBuffer.wrap(BODY, sent, bytes)));
        sent += bytes;
      }

      void end() {
        subscriber.onComplete();
      }

      boolean futureCompleted() {
        return future.isDone();
      }

      /** The connection fails: the body and then the exchange's future fail with {@code why}. */
      void fail(Throwable why) {
        subscriber.onError(why);
        future.completeExceptionally(why);
      }

      void completeFuture() throws Exception {
        Object body = subscriber.getBody().toCompletableFuture().get(10, TimeUnit.SECONDS);
        future.complete(new Response(request, HEADERS, body));
      }

      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    }

    private static final HttpHeaders HEADERS =
        HttpHeaders.of(
            Map.of(
                "Content-Type", List.of("application/json"),
                "Content-Length", List.of(String.valueOf(BODY.length))),
            (name, value) -> true);

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      HttpResponse.BodySubscriber<T> subscriber =
          handler.apply(
              new HttpResponse.ResponseInfo() {
                @Override
                public int statusCode() {
                  return 201;
                }

                @Override
                public HttpHeaders headers() {
                  return HEADERS;
                }

                @Override
                public Version version() {
                  return Version.HTTP_1_1;
                }
              });
      @SuppressWarnings("unchecked") // the exchange hands back what the handler's subscriber made
      Exchange exchange = new Exchange(request, (HttpResponse.BodySubscriber<Object>) subscriber);
      subscriber.onSubscribe(exchange);
      exchanges.add(exchange);
      @SuppressWarnings("unchecked")
      CompletableFuture<HttpResponse<T>> future =
          (CompletableFuture<HttpResponse<T>>) (CompletableFuture<?>) exchange.future;
      return future;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
      return sendAsync(request, handler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      throw new UnsupportedOperationException("the client sends asynchronously");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return Optional.empty();
    }

    @Override
    public Redirect followRedirects() {
      return Redirect.NEVER;
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
      return null;
    }

    @Override
    public SSLParameters sslParameters() {
      return null;
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return Optional.empty();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
      return Optional.empty();
    }
  }

  /** The response the scripted exchange completes its future with. */
  private record Response(HttpRequest request, HttpHeaders headers, Object body)
      implements HttpResponse<Object> {
    @Override
    public int statusCode() {
      return 201;
    }

    @Override
    public Optional<HttpResponse<Object>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
