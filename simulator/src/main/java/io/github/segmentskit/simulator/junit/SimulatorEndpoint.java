package io.github.segmentskit.simulator.junit;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where a test sends its requests: the base URI of one simulated store and a token with the modify
 * scope. Resolved as a test method parameter by {@link SegmentsSimulatorExtension}.
 *
 * @param baseUri {@code http://127.0.0.1:PORT/stores/{storeHash}/v3}
 * @param storeHash the store
 * @param token the {@code X-Auth-Token} to send (a development value, not a secret)
 */
public record SimulatorEndpoint(URI baseUri, String storeHash, String token) {

  /** Checks the values. */
  public SimulatorEndpoint {
    requireNonNull(baseUri, "baseUri == null");
    requireNonNull(storeHash, "storeHash == null");
    requireNonNull(token, "token == null");
  }

  @Override
  public String toString() {
    // The token is a development value, but toString never prints tokens.
    return "SimulatorEndpoint{" + baseUri + "}";
  }
}
