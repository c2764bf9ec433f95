package io.github.segmentskit.client;

import java.time.Duration;

/**
 * No permit of the store's {@link ConcurrencyLimiter} became free within the client's {@code
 * acquireTimeout}: the request was not sent.
 */
public final class ConcurrencyLimitExceededException extends SegmentsException {
  private static final long serialVersionUID = 1L;

  private final String storeHash;
  private final int limit;

  private ConcurrencyLimitExceededException(String message, String storeHash, int limit) {
    super(message);
    this.storeHash = storeHash;
    this.limit = limit;
  }

  static ConcurrencyLimitExceededException of(String storeHash, int limit, Duration waited) {
    return new ConcurrencyLimitExceededException(
        "store "
            + storeHash
            + ": all "
            + limit
            + " concurrent-request permits stayed busy for "
            + waited.toMillis()
            + " ms; request not sent",
        storeHash,
        limit);
  }

  /** The store whose limit was reached. */
  public String storeHash() {
    return storeHash;
  }

  /** The number of concurrent requests the limiter allows. */
  public int limit() {
    return limit;
  }
}
