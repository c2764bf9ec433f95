package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A request the client refused to send because its input breaks a rule of the API (a malformed id,
 * an empty list, a delete without ids ...). Nothing was sent. {@link #problems()} names every bad
 * item, not only the first.
 */
public final class SegmentsValidationException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /** An exception naming each problem, in input order. */
  public SegmentsValidationException(List<String> problems) {
    super(String.join("; ", requireNonNull(problems, "problems == null")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems is empty");
    }
    this.problems = List.copyOf(problems);
  }

  /** An exception naming one problem. */
  public SegmentsValidationException(String problem) {
    this(List.of(requireNonNull(problem, "problem == null")));
  }

  /** Each problem found, in input order, e.g. {@code ids[1] "abc" is not a canonical UUID}. */
  public List<String> problems() {
    return problems;
  }
}
