package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.ResponseTooLargeException;
import io.github.segmentskit.client.exception.SegmentsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * One attempt of a call, as the {@link HttpClient} the generated code sends through: the generated
 * API builds and serializes the request and hands it to {@link #send}, which puts it on the {@link
 * Wire}, checks the raw response (decompression, media type, a body where one is promised, strict
 * UTF-8) and keeps it: the pipeline reads a 2xx body from these bytes, the error mapper an error
 * body. The generated code gets the status and headers only (it returns no model, or throws its
 * {@code ApiException} for an error status).
 *
 * <p>A failure is thrown as {@link Failure}, an {@code IOException} the generated code wraps in its
 * {@code ApiException}; {@link Pipeline} unwraps it.
 */
final class Attempt extends HttpClient {
  private final Wire wire;
  private final ErrorMapper errors;
  private final String name;
  private final CallInfo call;
  private final int number;
  private final EventListener listener;
  private final boolean expectsBody;
  private Exchanged response;
  private String bodyText = "";
  private byte[] trustedBody;

  Attempt(
      Wire wire,
      ErrorMapper errors,
      String name,
      CallInfo call,
      int number,
      EventListener listener,
      boolean expectsBody) {
    this.wire = wire;
    this.errors = errors;
    this.name = name;
    this.call = call;
    this.number = number;
    this.listener = listener;
    this.expectsBody = expectsBody;
  }

  /** The response of this attempt, or null if none came. */
  Exchanged response() {
    return response;
  }

  /**
   * The body of a 2xx whose body the call reads, once checked (media type, UTF-8, not blank), or
   * null.
   */
  byte[] trustedBody() {
    return trustedBody;
  }

  /** The text of an error response's body ("" for a 2xx or when there was none). */
  String bodyText() {
    return bodyText;
  }

  /** A failure of the attempt, typed, carried through the generated code. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient SegmentsException failure;

    Failure(SegmentsException failure) {
      super(failure.getMessage(), null);
      this.failure = failure;
    }

    SegmentsException failure() {
      return failure;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // only a carrier: the typed failure has the stack trace
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      response = wire.exchange(request, name, call, number, listener);
    } catch (SegmentsException e) {
      throw new Failure(e);
    }
    listener.attemptEnd(call, number, response.status(), response.onWire());
    byte[] body;
    try {
      body =
          ResponseBodies.decoded(response.rawBody(), response.headers(), wire.maxResponseBytes());
    } catch (ResponseBodies.TooLarge e) {
      throw new Failure(
          new ResponseTooLargeException(
              name
                  + " -> the response body, inflated, is larger than maxResponseBytes ("
                  + wire.maxResponseBytes()
                  + " bytes)",
              wire.maxResponseBytes()));
    } catch (ResponseBodies.Unreadable e) {
      if (response.status() / 100 == 2 && expectsBody) {
        throw new Failure(errors.untrusted(name, response, e.getMessage()));
      }
      // An error status decides by itself, and a call that reads no body has its answer: a body
      // that cannot be decoded loses only its explanation.
      body = new byte[0];
    }
    boolean success = response.status() / 100 == 2;
    if (success && expectsBody) {
      checkTrusted(body);
      trustedBody = body;
    } else if (!success) {
      bodyText = ResponseBodies.lenientUtf8(body);
    }
    // The generated code gets the status and headers only: the client reads the body itself, from
    // the bytes, with its strict mapper (the pipeline for a 2xx, the error mapper for an error).
    // Nothing is decoded twice or with the platform charset, and a body near maxResponseBytes is
    // not copied again.
    @SuppressWarnings("unchecked") // the generated code asks for an InputStream body
    HttpResponse<T> buffered =
        (HttpResponse<T>)
            new Buffered(
                request,
                response.status(),
                withoutContentEncoding(response.headers()),
                InputStream.nullInputStream());
    return buffered;
  }

  private void checkTrusted(byte[] body) throws Failure {
    Optional<String> contentType = response.headers().firstValue("Content-Type");
    if (body.length == 0) {
      throw new Failure(errors.untrusted(name, response, "the body is missing"));
    }
    if (!ResponseBodies.isJson(contentType)) {
      throw new Failure(
          errors.untrusted(
              name,
              response,
              "the media type is "
                  + contentType
                      .map(t -> "\"" + ResponseBodies.abbreviate(t) + "\"")
                      .orElse("missing")
                  + ", not JSON"));
    }
    Optional<String> charset = ResponseBodies.charset(contentType);
    if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
      throw new Failure(
          errors.untrusted(
              name,
              response,
              "the body's charset is \""
                  + ResponseBodies.abbreviate(charset.get())
                  + "\", not UTF-8"));
    }
    try {
      ResponseBodies.checkUtf8(body);
    } catch (ResponseBodies.Unreadable e) {
      throw new Failure(errors.untrusted(name, response, e.getMessage()));
    }
    if (ResponseBodies.isBlank(body)) {
      throw new Failure(errors.untrusted(name, response, "the body is blank"));
    }
  }

  private static HttpHeaders withoutContentEncoding(HttpHeaders headers) {
    return HttpHeaders.of(
        headers.map(), (header, value) -> !header.equalsIgnoreCase("Content-Encoding"));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the client sends through send() only");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    throw new UnsupportedOperationException("the client sends through send() only");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return wire.http().cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return wire.http().connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return wire.http().followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return wire.http().proxy();
  }

  @Override
  public SSLContext sslContext() {
    return wire.http().sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return wire.http().sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return wire.http().authenticator();
  }

  @Override
  public Version version() {
    return wire.http().version();
  }

  @Override
  public Optional<Executor> executor() {
    return wire.http().executor();
  }

  /** A response whose body was read already. */
  private record Buffered(
      HttpRequest request, int statusCode, HttpHeaders headers, InputStream body)
      implements HttpResponse<InputStream> {
    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
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
