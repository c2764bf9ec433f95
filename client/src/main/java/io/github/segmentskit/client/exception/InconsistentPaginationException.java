package io.github.segmentskit.client.exception;

/**
 * A page's pagination contradicts itself or the pages before it: {@code current_page} is not the
 * page asked for, a page is empty or short while more pages are said to follow, {@code count} is
 * not the number of items, or a stream would read more pages than the first page announced (plus
 * the documented tolerance). A stream stops with it rather than end early or run forever.
 */
public final class InconsistentPaginationException extends SegmentsResponseException {
  private static final long serialVersionUID = 1L;

  /** An exception saying what did not add up. */
  public InconsistentPaginationException(String message) {
    super(message, null);
  }
}
