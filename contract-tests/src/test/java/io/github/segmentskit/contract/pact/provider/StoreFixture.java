package io.github.segmentskit.contract.pact.provider;

import java.util.Map;

/**
 * Sets a store up for the provider states of {@link SegmentsProviderStates}, and cleans it up. Each
 * state method returns the values the pacts inject into their requests (keys of {@code
 * ProviderStates}): a simulator and a real store generate their own ids and names.
 */
interface StoreFixture {
  /** Before each interaction: start from a known store. */
  void reset();

  /** A segment exists; returns its {@code segmentId} and {@code segmentName}. */
  Map<String, Object> segmentExists();

  /** A name no segment has; returns it as {@code segmentName}. */
  Map<String, Object> freeSegmentName();

  /** A segment with a name exists; returns the name as {@code segmentName}. */
  Map<String, Object> segmentWithName();

  /** The store holds the most segments it may; returns a free {@code segmentName}. */
  Map<String, Object> storeFull();

  /** A shopper profile exists; returns its {@code shopperProfileId}. */
  Map<String, Object> shopperProfileExists();

  /** A shopper profile is in a segment; returns {@code segmentId} and {@code shopperProfileId}. */
  Map<String, Object> shopperProfileInSegment();

  /** The example customer has no shopper profile. */
  void customerHasNoShopperProfile();

  /** The store's rate limit is used up: it answers 429 until the reset. */
  default void rateLimitUsedUp() {}

  /** After each interaction: remove what the interaction and the states left behind. */
  void cleanUp();
}
