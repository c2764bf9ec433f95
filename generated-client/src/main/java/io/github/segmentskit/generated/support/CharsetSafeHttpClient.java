package io.github.segmentskit.generated.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} whose response bodies reach the generated client as ASCII JSON ({@link
 * UnicodeEscapingInputStream}), so its platform-charset decoding cannot garble them. Used only when
 * the JVM's default charset is not UTF-8 (Java 17 in a non-UTF-8 locale).
 */
final class CharsetSafeHttpClient extends HttpClient {
  private final HttpClient delegate;

  private CharsetSafeHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  /**
   * {@code builder} itself when the default charset is UTF-8, else one that builds safe clients.
   */
  static HttpClient.Builder wrapIfNeeded(HttpClient.Builder builder) {
    return wrapIfNeeded(builder, Charset.defaultCharset());
  }

  static HttpClient.Builder wrapIfNeeded(HttpClient.Builder builder, Charset platform) {
    return StandardCharsets.UTF_8.equals(platform) ? builder : new SafeBuilder(builder);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return escaped(delegate.send(request, handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, handler).thenApply(CharsetSafeHttpClient::escapedUnchecked);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return delegate
        .sendAsync(request, handler, pushPromiseHandler)
        .thenApply(CharsetSafeHttpClient::escapedUnchecked);
  }

  /**
   * The response with its body as escaped ASCII. A gzip body is inflated first (and the response no
   * longer says {@code Content-Encoding: gzip}): escaping the compressed bytes would corrupt them.
   */
  private static <T> HttpResponse<T> escaped(HttpResponse<T> response) throws IOException {
    if (!(response.body() instanceof InputStream body)) {
      return response;
    }
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .map(value -> value.trim().equalsIgnoreCase("gzip"))
            .orElse(false);
    InputStream text = gzip ? new GZIPInputStream(body, 8192) : body;
    HttpHeaders headers =
        gzip
            ? HttpHeaders.of(
                response.headers().map(),
                (name, value) -> !name.equalsIgnoreCase("Content-Encoding"))
            : response.headers();
    @SuppressWarnings("unchecked") // T is InputStream here
    T safe = (T) new UnicodeEscapingInputStream(text);
    return new EscapedResponse<>(response, headers, safe);
  }

  private static <T> HttpResponse<T> escapedUnchecked(HttpResponse<T> response) {
    try {
      return escaped(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** The same response with another body. */
  private record EscapedResponse<T>(HttpResponse<T> original, HttpHeaders headers, T body)
      implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return original.statusCode();
    }

    @Override
    public HttpRequest request() {
      return original.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return original.previousResponse();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return original.sslSession();
    }

    @Override
    public URI uri() {
      return original.uri();
    }

    @Override
    public HttpClient.Version version() {
      return original.version();
    }
  }

  /** Delegates every setting; {@link #build()} wraps the client built. */
  private static final class SafeBuilder implements HttpClient.Builder {
    private final HttpClient.Builder delegate;

    SafeBuilder(HttpClient.Builder delegate) {
      this.delegate = delegate;
    }

    @Override
    public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
      delegate.cookieHandler(cookieHandler);
      return this;
    }

    @Override
    public HttpClient.Builder connectTimeout(Duration duration) {
      delegate.connectTimeout(duration);
      return this;
    }

    @Override
    public HttpClient.Builder sslContext(SSLContext sslContext) {
      delegate.sslContext(sslContext);
      return this;
    }

    @Override
    public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
      delegate.sslParameters(sslParameters);
      return this;
    }

    @Override
    public HttpClient.Builder executor(Executor executor) {
      delegate.executor(executor);
      return this;
    }

    @Override
    public HttpClient.Builder followRedirects(Redirect policy) {
      delegate.followRedirects(policy);
      return this;
    }

    @Override
    public HttpClient.Builder version(Version version) {
      delegate.version(version);
      return this;
    }

    @Override
    public HttpClient.Builder priority(int priority) {
      delegate.priority(priority);
      return this;
    }

    @Override
    public HttpClient.Builder proxy(ProxySelector proxySelector) {
      delegate.proxy(proxySelector);
      return this;
    }

    @Override
    public HttpClient.Builder authenticator(Authenticator authenticator) {
      delegate.authenticator(authenticator);
      return this;
    }

    @Override
    public HttpClient build() {
      return new CharsetSafeHttpClient(delegate.build());
    }
  }
}
