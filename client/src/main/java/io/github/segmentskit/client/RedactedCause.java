package io.github.segmentskit.client;

import java.util.function.UnaryOperator;

/**
 * Stands in for a cause whose message (or whose causes' messages) quotes the access token — Jackson
 * quotes the body it could not read, and a server may echo the token back in it. It keeps the
 * original's class name, redacted message and stack frames, so a stack trace still shows where and
 * what went wrong, without the secret.
 */
final class RedactedCause extends Exception {
  private static final long serialVersionUID = 1L;

  private RedactedCause(String message, Throwable cause, StackTraceElement[] frames) {
    super(message, cause, false, true);
    setStackTrace(frames);
  }

  /**
   * Returns {@code cause} itself when no message in its chain changes under {@code redact}, else a
   * copy of the chain with every message redacted.
   */
  static Throwable of(Throwable cause, UnaryOperator<String> redact) {
    if (cause == null || isClean(cause, redact, 0)) {
      return cause;
    }
    return copy(cause, redact, 0);
  }

  private static boolean isClean(Throwable t, UnaryOperator<String> redact, int depth) {
    if (t == null || depth > 16) {
      return true;
    }
    String text = String.valueOf(t.getMessage());
    if (!redact.apply(text).equals(text)) {
      return false;
    }
    for (Throwable suppressed : t.getSuppressed()) {
      if (!isClean(suppressed, redact, depth + 1)) {
        return false;
      }
    }
    return isClean(t.getCause(), redact, depth + 1);
  }

  private static Throwable copy(Throwable t, UnaryOperator<String> redact, int depth) {
    Throwable cause =
        t.getCause() == null || depth > 16 ? null : copy(t.getCause(), redact, depth + 1);
    String message = t.getMessage() == null ? "" : ": " + redact.apply(t.getMessage());
    return new RedactedCause(t.getClass().getName() + message, cause, t.getStackTrace());
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
