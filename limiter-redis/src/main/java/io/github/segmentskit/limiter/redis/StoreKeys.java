package io.github.segmentskit.limiter.redis;

/**
 * The Redis keys of one store's limiter: {@code <prefix>:{<store>}:permits} (Redisson's semaphore,
 * with its {@code :timeout} lease set beside it) and {@code <prefix>:{<store>}:pause} (the shared
 * pause); and the pub/sub channel {@code <prefix>:{<store>}:pause} on which a new pause is
 * announced (channels and keys are separate namespaces). The store in braces is a Redis Cluster
 * hash tag: all of a store's keys live in one slot.
 *
 * @param permits the name of the store's {@code RPermitExpirableSemaphore}
 * @param pause the key whose time to live is the pause the store asked for
 * @param pauseChannel the channel on which a new or longer pause is announced to the fleet
 */
record StoreKeys(String permits, String pause, String pauseChannel) {

  static StoreKeys of(String keyPrefix, String lowerCaseStoreHash) {
    String base = keyPrefix + ":{" + lowerCaseStoreHash + "}";
    return new StoreKeys(base + ":permits", base + ":pause", base + ":pause");
  }
}
