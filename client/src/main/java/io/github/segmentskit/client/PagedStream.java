package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.InconsistentPaginationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks all items of a paged collection, fetching each page (blocking, on the consuming thread)
 * only when the previous one is used up. It always ends: every page is checked ({@link Pages}), so
 * {@code current_page} advances by one per request, and it never reads more pages than the first
 * page announced plus {@value #EXTRA_PAGES} (items may be added while a stream runs); past that it
 * fails with {@link InconsistentPaginationException} rather than run on.
 */
final class PagedStream<T> implements Iterator<T> {
  /** How many pages more than the first page's {@code total_pages} a stream may read. */
  static final int EXTRA_PAGES = 10;

  private final String name;
  private final Function<PageParams, Page<T>> fetch;
  private PageParams next;
  private Page<T> page;
  private int index;
  private long maxPages = -1;
  private boolean done;

  private PagedStream(String name, PageParams first, Function<PageParams, Page<T>> fetch) {
    this.name = name;
    this.next = first;
    this.fetch = fetch;
  }

  static <T> Stream<T> of(String name, int pageSize, Function<PageParams, Page<T>> fetch) {
    PagedStream<T> iterator = new PagedStream<>(name, PageParams.first().limit(pageSize), fetch);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }

  @Override
  public boolean hasNext() {
    while (!done && (page == null || index >= page.items().size())) {
      if (page != null && !page.hasNext()) {
        done = true;
        break;
      }
      if (maxPages >= 0 && next.page() > maxPages) {
        throw Pages.inconsistent(
            name,
            "page "
                + next.page()
                + " would be read, but the first page announced "
                + (maxPages - EXTRA_PAGES)
                + " pages (a stream reads at most "
                + EXTRA_PAGES
                + " more)");
      }
      page = fetch.apply(next);
      if (maxPages < 0) {
        maxPages = (long) page.pagination().getTotalPages() + EXTRA_PAGES;
      }
      next = next.next();
      index = 0;
    }
    return !done;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.items().get(index++);
  }
}
