package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

/**
 * The verdict of the {@link JavaApiGate}.
 *
 * @param passed whether the build may go on
 * @param message why, in a sentence or a few lines the build prints as they are
 */
record GateDecision(boolean passed, String message) {

  GateDecision {
    requireNonNull(message, "message == null");
  }

  static GateDecision pass(String message) {
    return new GateDecision(true, message);
  }

  static GateDecision fail(String message) {
    return new GateDecision(false, message);
  }
}
