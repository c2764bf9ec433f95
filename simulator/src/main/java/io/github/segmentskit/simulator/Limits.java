package io.github.segmentskit.simulator;

/** The limits of the Segments API that the simulator enforces (see the spec's "Limits"). */
public final class Limits {

  /** At most this many segments in one store. */
  public static final int MAX_SEGMENTS_PER_STORE = 1000;

  /** A shopper profile can belong to at most this many segments. */
  public static final int MAX_SEGMENTS_PER_SHOPPER = 1000;

  /** At most this many shopper profile ids in one add-to-segment request. */
  public static final int MAX_PROFILES_PER_ADD = 50;

  /** The default number of requests one store may have in flight at once. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 10;

  /** The default page size ({@code limit}) of list operations. */
  public static final int DEFAULT_PAGE_SIZE = 50;

  /**
   * The largest page size ({@code limit}); larger is answered with 413. BigCommerce's guides give
   * 250 for bulk endpoints; the spec assumes it for segments.
   */
  public static final int MAX_PAGE_SIZE = 250;

  /** The largest request body read; bigger bodies are answered with 413. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private Limits() {}
}
