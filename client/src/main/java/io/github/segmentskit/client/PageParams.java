package io.github.segmentskit.client;

/**
 * Which page of a collection to read: the page number (from 1) and the page size ({@code limit}).
 * Immutable; named steps keep the two numbers from being swapped: {@code PageParams.first()},
 * {@code PageParams.page(3).limit(100)}.
 */
public final class PageParams {
  /** The page size BigCommerce uses when none is given. */
  public static final int DEFAULT_LIMIT = 50;

  /**
   * The largest page size the kit sends: BigCommerce's guides give 250 as the page-size maximum of
   * its bulk endpoints (the spec declares it; the API answers 413 above it).
   */
  public static final int MAX_LIMIT = 250;

  private static final PageParams FIRST = new PageParams(1, DEFAULT_LIMIT);

  private final int page;
  private final int limit;

  private PageParams(int page, int limit) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1, was " + page);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    this.page = page;
    this.limit = limit;
  }

  /** Page 1, {@value #DEFAULT_LIMIT} items. */
  public static PageParams first() {
    return FIRST;
  }

  /**
   * Page {@code page} (from 1), {@value #DEFAULT_LIMIT} items; change the size with {@link
   * #limit(int)}.
   */
  public static PageParams page(int page) {
    return new PageParams(page, DEFAULT_LIMIT);
  }

  /** The same page with {@code limit} items per page (1 to {@value #MAX_LIMIT}). */
  public PageParams limit(int limit) {
    return new PageParams(page, limit);
  }

  /** The page number, from 1. */
  public int page() {
    return page;
  }

  /** The page size. */
  public int limit() {
    return limit;
  }

  /** The page after this one, same size. */
  PageParams next() {
    return new PageParams(page + 1, limit);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PageParams that && page == that.page && limit == that.limit;
  }

  @Override
  public int hashCode() {
    return 31 * page + limit;
  }

  @Override
  public String toString() {
    return "PageParams[page=" + page + ", limit=" + limit + "]";
  }
}
