package io.github.segmentskit.spec;

/** Thrown by {@link SpecGateMain} to fail the build: the message says why and what to do. */
final class SpecGateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SpecGateException(String message) {
    super(message);
  }
}
