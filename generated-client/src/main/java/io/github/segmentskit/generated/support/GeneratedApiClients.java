package io.github.segmentskit.generated.support;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.generated.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds an {@link ApiClient} of the generated code that is ready to talk to one store: base URI,
 * authentication and wire format ({@link RequestInterceptor}) set.
 *
 * <p>For code that wants the bare generated {@code SegmentsApi} / {@code ShopperProfilesApi}. Most
 * users want {@code SegmentsClient}, which adds validation, error mapping, the concurrency limit
 * and retries on top.
 */
public final class GeneratedApiClients {
  private GeneratedApiClients() {}

  /**
   * An {@code ApiClient} for the store at {@code baseUri} (for example {@code
   * https://api.bigcommerce.com/stores/abc123/v3}).
   */
  public static ApiClient forStore(
      URI baseUri, AccessToken token, Duration connectTimeout, Duration requestTimeout) {
    requireNonNull(baseUri, "baseUri == null");
    requireNonNull(token, "token == null");
    requireNonNull(connectTimeout, "connectTimeout == null");
    requireNonNull(requestTimeout, "requestTimeout == null");
    ApiClient client = new ApiClient();
    client.setHttpClientBuilder(
        CharsetSafeHttpClient.wrapIfNeeded(HttpClient.newBuilder().connectTimeout(connectTimeout)));
    client.updateBaseUri(stripTrailingSlash(baseUri.toString()));
    client.setReadTimeout(requestTimeout);
    client.setRequestInterceptor(RequestInterceptor.withAccessToken(token));
    return client;
  }

  private static String stripTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
