package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_HAS_NO_SHOPPER_PROFILE;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static java.util.Objects.requireNonNull;

import au.com.dius.pact.provider.junitsupport.State;
import java.util.Map;

/**
 * The provider-state handlers of every pact, one per sentence, for any store: they set the state up
 * through a {@link StoreFixture} and return the ids the pacts inject into their requests.
 */
public final class SegmentsProviderStates {
  private final StoreFixture store;

  SegmentsProviderStates(StoreFixture store) {
    this.store = requireNonNull(store, "store == null");
  }

  @State(SEGMENT_EXISTS)
  public Map<String, Object> segmentExists() {
    return store.segmentExists();
  }

  @State(NO_SEGMENT_EXISTS)
  public void noSuchSegment() {
    // The id is random enough to name nothing; reset() emptied a simulated store anyway.
  }

  @State(NO_SEGMENT_NAMED)
  public Map<String, Object> nameIsFree() {
    return store.freeSegmentName();
  }

  @State(SEGMENT_NAMED)
  public Map<String, Object> nameIsTaken() {
    return store.segmentWithName();
  }

  @State(STORE_HAS_1000_SEGMENTS)
  public Map<String, Object> storeIsFull() {
    return store.storeFull();
  }

  @State(SHOPPER_PROFILE_EXISTS)
  public Map<String, Object> shopperProfileExists() {
    return store.shopperProfileExists();
  }

  @State(SHOPPER_PROFILE_IN_SEGMENT)
  public Map<String, Object> shopperProfileInSegment() {
    return store.shopperProfileInSegment();
  }

  @State(CUSTOMER_HAS_NO_SHOPPER_PROFILE)
  public void customerHasNoShopperProfile() {
    store.customerHasNoShopperProfile();
  }

  @State(RATE_LIMIT_USED_UP)
  public void rateLimitUsedUp() {
    // A live store is never rate limited on purpose: LiveStoreVerification skips this state.
    store.rateLimitUsedUp();
  }
}
