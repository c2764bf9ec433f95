package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.InconsistentPaginationException;
import io.github.segmentskit.generated.model.Pagination;
import java.util.List;

/**
 * The checks that make a page trustworthy: its pagination must agree with itself, with its items
 * and with the page asked for. A page that fails them is an {@link
 * InconsistentPaginationException}, never a short or empty success that would end a stream early.
 */
final class Pages {
  private Pages() {}

  /** The page of {@code items}, if {@code pagination} is consistent with them and {@code asked}. */
  static <T> Page<T> checked(String name, PageParams asked, List<T> items, Pagination pagination) {
    int current = pagination.getCurrentPage();
    int total = pagination.getTotal();
    int count = pagination.getCount();
    int perPage = pagination.getPerPage();
    int totalPages = pagination.getTotalPages();
    if (current != asked.page()) {
      throw inconsistent(
          name, "current_page is " + current + ", but page " + asked.page() + " was asked for");
    }
    if (count != items.size()) {
      throw inconsistent(
          name, "count is " + count + ", but the page holds " + items.size() + " items");
    }
    if (items.size() > perPage) {
      throw inconsistent(
          name, "the page holds " + items.size() + " items, more than per_page " + perPage);
    }
    if (perPage > asked.limit()) {
      throw inconsistent(
          name, "per_page is " + perPage + ", more than the limit " + asked.limit() + " asked for");
    }
    long expectedPages = (total + (long) perPage - 1) / perPage;
    boolean pagesAgree = totalPages == expectedPages || (total == 0 && totalPages <= 1);
    if (!pagesAgree) {
      throw inconsistent(
          name,
          "total_pages is "
              + totalPages
              + ", but total "
              + total
              + " at per_page "
              + perPage
              + " makes "
              + expectedPages);
    }
    if (current < totalPages && items.size() < perPage) {
      throw inconsistent(
          name,
          "page "
              + current
              + " of "
              + totalPages
              + " holds "
              + items.size()
              + " items, fewer than per_page "
              + perPage
              + ", though more pages follow");
    }
    if (current > Math.max(totalPages, 1) && !items.isEmpty()) {
      throw inconsistent(
          name, "page " + current + " holds items, but total_pages is " + totalPages);
    }
    return new Page<>(items, pagination);
  }

  static InconsistentPaginationException inconsistent(String name, String what) {
    return new InconsistentPaginationException(name + " -> inconsistent pagination: " + what);
  }
}
