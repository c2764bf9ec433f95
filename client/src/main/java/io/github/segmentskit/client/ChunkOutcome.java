package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.SegmentsException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One chunk of a {@link ChunkedResult}: the ids it sent and either the items the API returned or
 * the failure.
 *
 * @param index the chunk's number, from 0, in input order
 * @param firstInputIndex the index in the caller's list of the chunk's first id
 * @param ids the ids of the chunk
 * @param items what the API returned for the chunk (empty if it failed)
 * @param failure why the chunk failed, or null if it succeeded
 */
public record ChunkOutcome<T>(
    int index, int firstInputIndex, List<UUID> ids, List<T> items, SegmentsException failure) {

  /** Copies the lists. */
  public ChunkOutcome {
    ids = List.copyOf(requireNonNull(ids, "ids == null"));
    items = List.copyOf(requireNonNull(items, "items == null"));
  }

  /** True if the API accepted the chunk. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Why the chunk failed, if it did. */
  public Optional<SegmentsException> failureCause() {
    return Optional.ofNullable(failure);
  }
}
