package io.github.segmentskit.spec;

/**
 * Thrown by {@link SpecGateMain} to fail the build: the message says why and what to do. It is a
 * verdict, not a bug, so it carries no stack trace (exec:java would print it above the message).
 */
final class SpecGateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SpecGateException(String message) {
    super(message, null, false, false);
  }
}
