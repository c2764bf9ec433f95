package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * Where a fact of a spec sits: an operation ({@code GET /segments}, or {@code (document)} for facts
 * outside the operations), a place in it ({@code parameter limit (query)}, {@code response 201
 * body.data[].id}) and an aspect of that place ({@code exists}, {@code type}, {@code maximum} ...).
 */
record FactKey(String operation, String where, String aspect) implements Comparable<FactKey> {

  /** The operation of facts that belong to the whole document (servers, security schemes). */
  static final String DOCUMENT = "(document)";

  private static final Comparator<FactKey> ORDER =
      Comparator.comparing(FactKey::operation)
          .thenComparing(FactKey::where)
          .thenComparing(FactKey::aspect);

  FactKey {
    requireNonNull(operation, "operation == null");
    requireNonNull(where, "where == null");
    requireNonNull(aspect, "aspect == null");
  }

  /**
   * Whether this place lies inside {@code other}'s place of the same operation: {@code response 201
   * body.data} inside {@code response 201}, {@code request body[].name} inside {@code request
   * body}; every place of an operation lies inside its place {@code operation}.
   */
  boolean isInside(FactKey other) {
    if (!operation.equals(other.operation)) {
      return false;
    }
    if (other.where.equals(SpecFacts.OPERATION)) {
      return !where.equals(SpecFacts.OPERATION);
    }
    if (!where.startsWith(other.where) || where.length() == other.where.length()) {
      return false;
    }
    char next = where.charAt(other.where.length());
    return next == ' ' || next == '.' || next == '[';
  }

  @Override
  public int compareTo(FactKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return operation + " | " + where + " | " + aspect;
  }
}
