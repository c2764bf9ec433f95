package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

/**
 * One change between the released spec and the current one, in words a client author understands.
 *
 * @param description what changed, e.g. {@code GET /segments: removed query parameter 'page'}
 * @param breaking whether a client built against the released spec can break on it
 */
record SpecChange(String description, boolean breaking) {

  SpecChange {
    requireNonNull(description, "description == null");
    if (description.isBlank()) {
      throw new IllegalArgumentException("description is blank");
    }
  }

  static SpecChange breaking(String description) {
    return new SpecChange(description, true);
  }

  static SpecChange compatible(String description) {
    return new SpecChange(description, false);
  }

  @Override
  public String toString() {
    return (breaking ? "[breaking] " : "[compatible] ") + description;
  }
}
