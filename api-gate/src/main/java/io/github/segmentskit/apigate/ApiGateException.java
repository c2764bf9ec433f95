package io.github.segmentskit.apigate;

/** The Java API gate failed: the build must stop, and the message says why and what to do. */
final class ApiGateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ApiGateException(String message) {
    super(message);
  }

  ApiGateException(String message, Throwable cause) {
    super(message, cause);
  }
}
