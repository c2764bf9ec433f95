package io.github.segmentskit.limiter.redis;

/**
 * The Redis keys of one store's limiter: {@code <prefix>:{<store>}:permits} (Redisson's semaphore,
 * with its {@code :timeout} lease set beside it) and {@code <prefix>:{<store>}:pause} (the shared
 * pause). The store in braces is a Redis Cluster hash tag: all of a store's keys live in one slot.
 *
 * @param permits the name of the store's {@code RPermitExpirableSemaphore}
 * @param pause the key whose time to live is the pause the store asked for
 */
record StoreKeys(String permits, String pause) {

  static StoreKeys of(String keyPrefix, String lowerCaseStoreHash) {
    String base = keyPrefix + ":{" + lowerCaseStoreHash + "}";
    return new StoreKeys(base + ":permits", base + ":pause");
  }
}
