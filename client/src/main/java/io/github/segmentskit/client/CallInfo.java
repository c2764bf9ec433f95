package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

/**
 * What an {@link EventListener} learns of a call: the operation, the store, and a number that tells
 * the calls of one client apart. Never the token, never a body.
 *
 * @param operation the operation called
 * @param storeHash the store, as given to the builder
 * @param callId a number unique among the calls of one client, from 1
 */
public record CallInfo(Operation operation, String storeHash, long callId) {

  /** Validates the components. */
  public CallInfo {
    requireNonNull(operation, "operation == null");
    requireNonNull(storeHash, "storeHash == null");
  }
}
