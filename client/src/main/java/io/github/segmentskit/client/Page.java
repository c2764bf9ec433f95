package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.generated.model.Pagination;
import java.util.List;

/**
 * One page of a collection: its items and where it sits in the whole. The client checked that the
 * two agree ({@link Pages}) before handing it out.
 */
public record Page<T>(List<T> items, Pagination pagination) {

  /** Copies the items. */
  public Page {
    items = List.copyOf(requireNonNull(items, "items == null"));
    requireNonNull(pagination, "pagination == null");
  }

  /** True if the pagination says there is a page after this one. */
  public boolean hasNext() {
    return pagination.getCurrentPage() < pagination.getTotalPages();
  }
}
