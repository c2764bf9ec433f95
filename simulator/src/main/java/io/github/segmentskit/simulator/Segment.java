package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A segment as the simulator stores it (an immutable snapshot).
 *
 * @param id the server-generated (or test-fixed) id
 * @param name the name, unique in the store
 * @param description the description; empty when none was given
 * @param createdAt when it was created (whole seconds, UTC)
 * @param updatedAt when it was last changed (whole seconds, UTC)
 */
public record Segment(
    UUID id, String name, String description, Instant createdAt, Instant updatedAt) {

  /** Checks that no component is null. */
  public Segment {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    requireNonNull(createdAt, "createdAt == null");
    requireNonNull(updatedAt, "updatedAt == null");
  }
}
