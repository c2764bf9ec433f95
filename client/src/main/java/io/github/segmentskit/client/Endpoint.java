package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The one definition of an operation's call, as a resource method made it from validated input:
 * which operation (and path parameter), how the generated API sends it, and how the trusted
 * response becomes the result. {@link Pipeline} runs it; blocking and async share it.
 *
 * @param operation the operation
 * @param pathParameter the segment or shopper-profile id in the path, or null
 * @param send the generated API call (it builds and serializes the request; the client reads the
 *     response itself)
 * @param responseType the model of the body the spec promises on success (it must then be there),
 *     or null for an operation answered without one
 * @param result turns the response model (null when no body is expected) into the result
 */
record Endpoint<R, T>(
    Operation operation,
    Object pathParameter,
    GeneratedCall<R> send,
    Class<R> responseType,
    Function<R, T> result) {

  Endpoint {
    requireNonNull(operation, "operation == null");
    requireNonNull(send, "send == null");
    requireNonNull(result, "result == null");
  }

  /** True if the spec promises a body on success. */
  boolean expectsBody() {
    return responseType != null;
  }

  /** {@code GET /segments/3fa8...}: the method and the path with its parameter. */
  String name() {
    return operation.method() + " " + operation.path(pathParameter);
  }
}
