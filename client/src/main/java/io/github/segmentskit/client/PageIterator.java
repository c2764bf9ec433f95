package io.github.segmentskit.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Walks all items of a paged collection, fetching each page only when the previous is used up. */
final class PageIterator<T> implements Iterator<T> {
  private final IntFunction<Page<T>> fetch;
  private Page<T> page;
  private int pageNumber;
  private int index;

  private PageIterator(IntFunction<Page<T>> fetch) {
    this.fetch = fetch;
  }

  static <T> Stream<T> stream(IntFunction<Page<T>> fetch) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new PageIterator<>(fetch), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public boolean hasNext() {
    while (page == null || index >= page.items().size()) {
      if (page != null && (!page.hasNext() || page.items().isEmpty())) {
        return false;
      }
      pageNumber++;
      page = fetch.apply(pageNumber);
      index = 0;
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.items().get(index++);
  }
}
