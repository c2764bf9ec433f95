package io.github.segmentskit.spec.drift;

/**
 * Thrown by {@link DriftMain} to fail the build: the message says why and what to do. A verdict,
 * not a bug, so it carries no stack trace.
 */
final class DriftException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DriftException(String message) {
    super(message, null, false, false);
  }
}
