package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the live verification finds the real store: {@code BIGCOMMERCE_STORE_HASH}, {@code
 * BIGCOMMERCE_ACCESS_TOKEN} (modify scope), optionally {@code BIGCOMMERCE_READ_ONLY_TOKEN} and
 * {@code BIGCOMMERCE_API_URL} (default {@value #DEFAULT_API_URL}). Each is read from a system
 * property of that name first, then from the environment, so a test can point the verification
 * elsewhere (e.g. at the simulator) without touching the environment. Tokens never show in {@link
 * #toString()}.
 */
record LiveStoreConfig(
    String storeHash, String accessToken, Optional<String> readOnlyToken, URI apiUrl) {
  static final String STORE_HASH = "BIGCOMMERCE_STORE_HASH";
  static final String ACCESS_TOKEN = "BIGCOMMERCE_ACCESS_TOKEN";
  static final String READ_ONLY_TOKEN = "BIGCOMMERCE_READ_ONLY_TOKEN";
  static final String API_URL = "BIGCOMMERCE_API_URL";
  static final String DEFAULT_API_URL = "https://api.bigcommerce.com";

  LiveStoreConfig {
    requireNonNull(storeHash, "storeHash == null");
    requireNonNull(accessToken, "accessToken == null");
    requireNonNull(readOnlyToken, "readOnlyToken == null");
    requireNonNull(apiUrl, "apiUrl == null");
    if (!storeHash.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException(STORE_HASH + " must be letters and digits only");
    }
  }

  /** From system properties, then the environment. */
  static Optional<LiveStoreConfig> fromSystem() {
    return from(name -> Optional.ofNullable(System.getProperty(name)).orElse(System.getenv(name)));
  }

  /** From {@code lookup}; empty unless the store hash and the access token are both set. */
  static Optional<LiveStoreConfig> from(Function<String, String> lookup) {
    requireNonNull(lookup, "lookup == null");
    Optional<String> storeHash = value(lookup, STORE_HASH);
    Optional<String> accessToken = value(lookup, ACCESS_TOKEN);
    if (storeHash.isEmpty() || accessToken.isEmpty()) {
      return Optional.empty();
    }
    String apiUrl = value(lookup, API_URL).orElse(DEFAULT_API_URL).replaceFirst("/+$", "");
    return Optional.of(
        new LiveStoreConfig(
            storeHash.get(),
            accessToken.get(),
            value(lookup, READ_ONLY_TOKEN),
            URI.create(apiUrl)));
  }

  /** {@code <api url>/stores/<hash>/v3}: the client's base URI. */
  URI baseUri() {
    return URI.create(apiUrl + basePath());
  }

  /** The path of the store's API below the server root, e.g. {@code /stores/abc123/v3}. */
  String basePath() {
    String prefix = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
    return prefix + "/stores/" + storeHash + "/v3";
  }

  /**
   * Whether the API is on a loopback address (a simulator standing in for the store, never
   * BigCommerce): only then may the live run start without {@link SimulatorChecksGate}.
   */
  boolean isLoopback() {
    String host = apiUrl.getHost();
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return bare.equals("localhost")
        || bare.matches("127(\\.[0-9]{1,3}){3}")
        || bare.equals("::1")
        || bare.equals("0:0:0:0:0:0:0:1");
  }

  private static Optional<String> value(Function<String, String> lookup, String name) {
    return Optional.ofNullable(lookup.apply(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "LiveStoreConfig[store="
        + storeHash
        + ", apiUrl="
        + apiUrl
        + ", accessToken=redacted, readOnlyToken="
        + (readOnlyToken.isPresent() ? "redacted" : "unset")
        + "]";
  }
}
