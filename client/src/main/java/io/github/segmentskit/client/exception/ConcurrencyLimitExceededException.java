package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * No permit of the store's concurrency limiter became free within the client's {@code
 * acquireTimeout} (including any pause the store asked for after a 429): the request was not sent.
 */
public final class ConcurrencyLimitExceededException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  private final String storeHash;
  private final int limit;
  private final transient Duration waited;

  /**
   * An exception for {@code storeHash}, whose {@code limit} permits stayed busy for {@code waited}.
   */
  public ConcurrencyLimitExceededException(String storeHash, int limit, Duration waited) {
    super(
        "store "
            + requireNonNull(storeHash, "storeHash == null")
            + ": no permit of the "
            + limit
            + " concurrent requests allowed became free within "
            + requireNonNull(waited, "waited == null").toMillis()
            + " ms; request not sent");
    this.storeHash = storeHash;
    this.limit = limit;
    this.waited = waited;
  }

  /** The store whose limit was reached. */
  public String storeHash() {
    return storeHash;
  }

  /** The number of concurrent requests the limiter allows. */
  public int limit() {
    return limit;
  }

  /** How long the request waited for a permit. */
  public Duration waited() {
    return waited;
  }
}
