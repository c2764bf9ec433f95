package io.github.segmentskit.generated.support;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Puts the last touches on every request the generated client builds, so that what goes on the wire
 * is what BigCommerce expects.
 *
 * <ul>
 *   <li>{@code X-Auth-Token}: the store's access token (the native generator has no API-key
 *       support);
 *   <li>{@code Accept} and, on requests with a body, {@code Content-Type}: exactly one {@code
 *       application/json} each (the spec declares them as header parameters, which the generator
 *       turns into a second copy of the header it already writes);
 *   <li>{@code User-Agent}: {@code segments-kit/<version> java/<java.version>} ({@link UserAgent});
 *   <li>{@code id:in}: sent literally as one comma-separated value, {@code ?id:in=a,b,c}, as the
 *       API's own requests do, instead of the generator's {@code id%3Ain=a%2Cb%2Cc}.
 * </ul>
 */
public final class RequestInterceptor implements Consumer<HttpRequest.Builder> {
  static final String AUTH_HEADER = "X-Auth-Token";
  static final String JSON = "application/json";
  private static final String ENCODED_ID_IN = "id%3Ain";
  private static final String ID_IN = "id:in";

  private final AccessToken token;

  private RequestInterceptor(AccessToken token) {
    this.token = token;
  }

  /** An interceptor that authenticates every request with {@code token}. */
  public static RequestInterceptor withAccessToken(AccessToken token) {
    return new RequestInterceptor(requireNonNull(token, "token == null"));
  }

  @Override
  public void accept(HttpRequest.Builder builder) {
    requireNonNull(builder, "builder == null");
    HttpRequest draft = builder.copy().build();
    builder.setHeader(AUTH_HEADER, token.reveal());
    builder.setHeader("Accept", JSON);
    builder.setHeader("User-Agent", UserAgent.value());
    if (draft.headers().firstValue("Content-Type").isPresent()) {
      builder.setHeader("Content-Type", JSON);
    }
    URI uri = draft.uri();
    String query = uri.getRawQuery();
    if (query != null && query.contains(ENCODED_ID_IN)) {
      builder.uri(withLiteralIdIn(uri, query));
    }
  }

  private static URI withLiteralIdIn(URI uri, String rawQuery) {
    StringJoiner query = new StringJoiner("&");
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.startsWith(ENCODED_ID_IN + "=")) {
        String value = pair.substring(ENCODED_ID_IN.length() + 1).replace("%2C", ",");
        query.add(ID_IN + "=" + value);
      } else {
        query.add(pair);
      }
    }
    String text = uri.toString();
    int start = text.indexOf('?');
    int fragment = text.indexOf('#', start);
    String rebuilt =
        text.substring(0, start + 1) + query + (fragment < 0 ? "" : text.substring(fragment));
    try {
      return new URI(rebuilt);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot rebuild request URI with a literal id:in", e);
    }
  }

  @Override
  public String toString() {
    return "RequestInterceptor[token=redacted]";
  }
}
