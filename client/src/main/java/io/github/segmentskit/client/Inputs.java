package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The checks of what a caller hands a resource method, made before any call exists: nothing leaves
 * the client unless they pass. Bodies are checked against the spec's constraints ({@link
 * ModelRules}), the same rules the client holds responses to.
 */
final class Inputs {
  private Inputs() {}

  /** A copy of {@code items}, if the list is there, not empty, and every item keeps the spec. */
  static <T> List<T> body(String name, List<T> items) {
    if (items == null) {
      throw new SegmentsValidationException(name + " is null: give at least one item");
    }
    if (items.isEmpty()) {
      throw new SegmentsValidationException(name + " is empty: give at least one item");
    }
    List<String> problems = ModelRules.problems(items, name);
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
    return List.copyOf(items);
  }

  /** A copy of {@code ids}, if there is at least one and none is null. */
  static List<UUID> ids(String name, Collection<UUID> ids) {
    if (ids == null) {
      throw new SegmentsValidationException(name + " is null: give at least one id");
    }
    if (ids.isEmpty()) {
      throw new SegmentsValidationException(name + " is empty: give at least one id");
    }
    return noNulls(name, ids);
  }

  /**
   * A copy of the ids of a delete, which must name at least one: without {@code id:in} the API
   * deletes everything, which only {@code deleteAllMethod} does on purpose.
   */
  static List<UUID> idsToDelete(String name, Collection<UUID> ids, String deleteAllMethod) {
    if (ids == null || ids.isEmpty()) {
      throw new SegmentsValidationException(
          name
              + " is "
              + (ids == null ? "null" : "empty")
              + ": a delete without ids would delete everything; nothing was sent. To delete"
              + " everything on purpose, call "
              + deleteAllMethod);
    }
    return noNulls(name, ids);
  }

  /** {@code id}, if not null. */
  static UUID id(String name, UUID id) {
    if (id == null) {
      throw new SegmentsValidationException(name + " is null");
    }
    return id;
  }

  /** {@code params}, if not null. */
  static PageParams page(PageParams params) {
    if (params == null) {
      throw new SegmentsValidationException("page is null: use PageParams.first()");
    }
    return params;
  }

  /** {@code pageSize}, if it is a page size the API accepts. */
  static int pageSize(int pageSize) {
    if (pageSize < 1 || pageSize > PageParams.MAX_LIMIT) {
      throw new SegmentsValidationException(
          "pageSize must be between 1 and " + PageParams.MAX_LIMIT + ", was " + pageSize);
    }
    return pageSize;
  }

  private static List<UUID> noNulls(String name, Collection<UUID> ids) {
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (UUID id : ids) {
      if (id == null) {
        problems.add(name + "[" + i + "] is null");
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
    return List.copyOf(ids);
  }

  /** {@code ids} in chunks of at most {@code size}, in order. */
  static List<List<UUID>> chunks(List<UUID> ids, int size) {
    List<List<UUID>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(List.copyOf(ids.subList(from, Math.min(from + size, ids.size()))));
    }
    return List.copyOf(chunks);
  }
}
