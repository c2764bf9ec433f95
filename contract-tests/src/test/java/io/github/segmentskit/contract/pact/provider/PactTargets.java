package io.github.segmentskit.contract.pact.provider;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.IProviderInfo;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The targets every provider verification sends its requests to, through Pact JVM's own client
 * (Apache HttpClient 5) without its automatic retries. Pact JVM's default client sends a request
 * answered 429 or 503 again a second later: the provider then received the 429 interaction's
 * request twice, and each verification of it took a second longer. A pact describes one request per
 * interaction; {@code SimulatorProviderVerificationIT} counts them. The client is otherwise built
 * as Pact JVM's default one is (system properties: trust store, proxies; redirects not followed, so
 * a provider's 3xx is what the pact sees), and does not retry after I/O errors either. Pact JVM
 * asks for a client per interaction and never closes it, as with its default. Provider options this
 * client would ignore ({@code insecure}, a trust store) are refused.
 */
final class PactTargets {
  private static final IHttpClientFactory ONE_REQUEST_EACH = PactTargets::client;

  private PactTargets() {}

  static HttpTestTarget http(String host, int port) {
    return new HttpTestTarget(host, port, "/", () -> ONE_REQUEST_EACH);
  }

  static HttpsTestTarget https(String host, int port) {
    return new HttpsTestTarget(host, port, "/", false, () -> ONE_REQUEST_EACH);
  }

  private static CloseableHttpClient client(IProviderInfo provider) {
    if (provider.getInsecure() || provider.getTrustStore() != null) {
      throw new IllegalStateException(
          "PactTargets' client supports neither insecure TLS nor a trust store of its own");
    }
    return HttpClients.custom()
        .useSystemProperties()
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .build();
  }
}
