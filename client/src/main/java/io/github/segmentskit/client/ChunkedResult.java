package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.SegmentsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The result of a request the client had to split into chunks (at most 50 shopper profiles per add
 * request): one {@link ChunkOutcome} per chunk, in input order. Nothing is lost silently: each id
 * is in exactly one chunk, which either succeeded or carries its failure.
 */
public final class ChunkedResult<T> {
  private final List<ChunkOutcome<T>> chunks;

  ChunkedResult(List<ChunkOutcome<T>> chunks) {
    this.chunks = List.copyOf(requireNonNull(chunks, "chunks == null"));
  }

  /** Every chunk, in input order. */
  public List<ChunkOutcome<T>> chunks() {
    return chunks;
  }

  /** True if every chunk succeeded. */
  public boolean allSucceeded() {
    return chunks.stream().allMatch(ChunkOutcome::succeeded);
  }

  /** The chunks that succeeded. */
  public List<ChunkOutcome<T>> succeeded() {
    return chunks.stream().filter(ChunkOutcome::succeeded).toList();
  }

  /** The chunks that failed, each with its failure. */
  public List<ChunkOutcome<T>> failed() {
    return chunks.stream().filter(chunk -> !chunk.succeeded()).toList();
  }

  /** The items the API returned, over all successful chunks. */
  public List<T> items() {
    List<T> items = new ArrayList<>();
    succeeded().forEach(chunk -> items.addAll(chunk.items()));
    return List.copyOf(items);
  }

  /** The ids of the failed chunks: what to send again. */
  public List<UUID> failedIds() {
    List<UUID> ids = new ArrayList<>();
    failed().forEach(chunk -> ids.addAll(chunk.ids()));
    return List.copyOf(ids);
  }

  /**
   * Returns this result if every chunk succeeded, else throws the first chunk's failure, with the
   * other failures suppressed.
   */
  public ChunkedResult<T> orThrow() {
    List<ChunkOutcome<T>> failed = failed();
    if (failed.isEmpty()) {
      return this;
    }
    SegmentsException first = failed.get(0).failure();
    // orThrow() may be called more than once, and chunks left unsent after an interrupt share the
    // one exception that stopped them: each failure is suppressed once, and never by itself.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(first);
    seen.addAll(Arrays.asList(first.getSuppressed()));
    for (int i = 1; i < failed.size(); i++) {
      SegmentsException other = failed.get(i).failure();
      if (seen.add(other)) {
        first.addSuppressed(other);
      }
    }
    throw first;
  }

  @Override
  public String toString() {
    return "ChunkedResult[chunks=" + chunks.size() + ", failed=" + failed().size() + "]";
  }
}
