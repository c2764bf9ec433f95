package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * An authorized request, as the resource handlers see it.
 *
 * @param operation the operation
 * @param state the store
 * @param pathId the raw id in the path, or null
 * @param query the query parameters
 * @param body the request body (possibly empty)
 * @param bodyTooLarge whether the body was cut off at {@link Limits#MAX_BODY_BYTES}
 */
record Call(
    Operation operation,
    StoreState state,
    String pathId,
    Query query,
    byte[] body,
    boolean bodyTooLarge) {

  Call {
    requireNonNull(operation, "operation == null");
    requireNonNull(state, "state == null");
    requireNonNull(query, "query == null");
    requireNonNull(body, "body == null");
  }

  /** The path id as a UUID; 422 if it is not a canonical UUID. */
  UUID pathUuid(String name) {
    return Uuids.parse(pathId).orElseThrow(() -> Problem.unprocessable(name, "must be a UUID"));
  }
}
