package io.github.segmentskit.contract.pact.provider;

import java.util.UUID;

/**
 * What the provider states of {@link SegmentsProviderStates} need from a store, and what their
 * teardowns read back. A simulator and a real store each implement it their way: a simulator
 * generates everything; a real store creates only the run's own segments and lends real shopper
 * profiles only to the interactions allowed to use them ({@link LiveStoreFixture}).
 */
interface StoreFixture {
  /** A created segment: its id and its name (a live store prefixes the name). */
  record Created(UUID id, String name) {}

  /** Before each interaction: start from a known store. */
  void reset();

  /** Creates a segment whose name is based on {@code baseName}. */
  Created createSegment(String baseName);

  /** A name based on {@code baseName} that no segment has. */
  String freeSegmentName(String baseName);

  /** Fills the store up to the most segments it may hold. */
  void fillWithSegments();

  /**
   * A shopper profile of the store, the {@code index}-th the state uses (0 or 1). If {@code
   * inNoSegment}, one that belongs to no segment.
   */
  UUID shopperProfile(int index, boolean inNoSegment);

  /** Adds the shopper profile to the segment. */
  void addToSegment(UUID segmentId, UUID shopperProfileId);

  /** A customer id that has no shopper profile. */
  long customerWithoutShopperProfile();

  /** The store's rate limit is used up: it answers 429 until the reset. */
  void rateLimitUsedUp();

  /** After each interaction: remove what the interaction and the states left behind. */
  void cleanUp();

  /** Whether the segment exists (read by the teardowns). */
  boolean hasSegment(UUID segmentId);

  /** Whether the store has any segment at all. */
  boolean hasAnySegment();

  /** Whether the shopper profile exists. */
  boolean hasShopperProfile(UUID shopperProfileId);

  /** Whether the shopper profile is in the segment. */
  boolean isInSegment(UUID shopperProfileId, UUID segmentId);
}
