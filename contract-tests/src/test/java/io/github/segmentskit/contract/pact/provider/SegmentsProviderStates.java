package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_HAS_NO_SHOPPER_PROFILE;
import static io.github.segmentskit.contract.pact.ProviderStates.EVERY_SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_CUSTOMER_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_OTHER_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_OTHER_SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_NAME;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAME;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_REMOVE;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.TWO_SEGMENTS_EXIST;
import static java.util.Objects.requireNonNull;

import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.StateChangeAction;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The provider-state handlers of every pact, one per sentence, for any store: they set the state up
 * through a {@link StoreFixture} and return the values the pacts inject into their requests and
 * expected responses. One instance serves one interaction: it remembers what it set up, so the
 * teardowns of the "is to be deleted / removed" states can check the interaction's effect. A
 * teardown that finds the item still there (or the other one gone) throws, and Pact JVM reports the
 * interaction as failed.
 */
public final class SegmentsProviderStates {
  private static final String WHOLESALE = "Wholesale buyers";
  private static final String TRADE = "Trade accounts";

  private final StoreFixture store;
  private final Map<String, Object> values = new HashMap<>();

  SegmentsProviderStates(StoreFixture store) {
    this.store = requireNonNull(store, "store == null");
  }

  @State(SEGMENT_EXISTS)
  public Map<String, Object> segmentExists() {
    StoreFixture.Created segment = store.createSegment(WHOLESALE);
    return put(KEY_SEGMENT_ID, segment.id(), KEY_SEGMENT_NAME, segment.name());
  }

  @State(TWO_SEGMENTS_EXIST)
  public Map<String, Object> twoSegmentsExist() {
    return twoSegments();
  }

  @State(SEGMENT_TO_DELETE)
  public Map<String, Object> segmentToDelete() {
    return twoSegments();
  }

  @State(value = SEGMENT_TO_DELETE, action = StateChangeAction.TEARDOWN)
  public void segmentWasDeleted() {
    check(!store.hasSegment(id(KEY_SEGMENT_ID)), "segment %s still exists", KEY_SEGMENT_ID);
    check(store.hasSegment(id(KEY_OTHER_SEGMENT_ID)), "segment %s is gone", KEY_OTHER_SEGMENT_ID);
  }

  @State(EVERY_SEGMENT_TO_DELETE)
  public Map<String, Object> everySegmentToDelete() {
    return twoSegments();
  }

  @State(value = EVERY_SEGMENT_TO_DELETE, action = StateChangeAction.TEARDOWN)
  public void everySegmentWasDeleted() {
    check(!store.hasAnySegment(), "the store still has segments (%s, ...)", KEY_SEGMENT_ID);
  }

  @State(NO_SEGMENT_EXISTS)
  public void noSuchSegment() {
    // The id is random enough to name nothing; reset() emptied a simulated store anyway.
  }

  @State(NO_SEGMENT_NAMED)
  public Map<String, Object> nameIsFree() {
    return put(KEY_SEGMENT_NAME, store.freeSegmentName(SEGMENT_NAME));
  }

  @State(SEGMENT_NAMED)
  public Map<String, Object> nameIsTaken() {
    return put(KEY_SEGMENT_NAME, store.createSegment(SEGMENT_NAME).name());
  }

  @State(STORE_HAS_1000_SEGMENTS)
  public Map<String, Object> storeIsFull() {
    store.fillWithSegments();
    return put(KEY_SEGMENT_NAME, store.freeSegmentName(SEGMENT_NAME));
  }

  @State(SHOPPER_PROFILE_EXISTS)
  public Map<String, Object> shopperProfileExists() {
    return put(KEY_SHOPPER_PROFILE_ID, store.shopperProfile(0, false));
  }

  @State(SHOPPER_PROFILE_TO_DELETE)
  public Map<String, Object> shopperProfileToDelete() {
    return put(
        KEY_SHOPPER_PROFILE_ID,
        store.shopperProfile(0, false),
        KEY_OTHER_SHOPPER_PROFILE_ID,
        store.shopperProfile(1, false));
  }

  @State(value = SHOPPER_PROFILE_TO_DELETE, action = StateChangeAction.TEARDOWN)
  public void shopperProfileWasDeleted() {
    check(
        !store.hasShopperProfile(id(KEY_SHOPPER_PROFILE_ID)),
        "shopper profile %s still exists",
        KEY_SHOPPER_PROFILE_ID);
    check(
        store.hasShopperProfile(id(KEY_OTHER_SHOPPER_PROFILE_ID)),
        "shopper profile %s is gone",
        KEY_OTHER_SHOPPER_PROFILE_ID);
  }

  @State(SHOPPER_PROFILE_IN_SEGMENT)
  public Map<String, Object> shopperProfileInSegment() {
    UUID segment = store.createSegment(WHOLESALE).id();
    UUID profile = store.shopperProfile(0, false);
    store.addToSegment(segment, profile);
    return put(KEY_SEGMENT_ID, segment, KEY_SHOPPER_PROFILE_ID, profile);
  }

  @State(ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT)
  public Map<String, Object> oneOfTwoShopperProfilesInSegment() {
    UUID segment = store.createSegment(WHOLESALE).id();
    UUID profile = store.shopperProfile(0, false);
    UUID other = store.shopperProfile(1, false);
    store.addToSegment(segment, profile);
    values.put(KEY_OTHER_SHOPPER_PROFILE_ID, other.toString());
    return put(KEY_SEGMENT_ID, segment, KEY_SHOPPER_PROFILE_ID, profile);
  }

  @State(SHOPPER_PROFILE_TO_REMOVE)
  public Map<String, Object> shopperProfileToRemove() {
    UUID segment = store.createSegment(WHOLESALE).id();
    UUID profile = store.shopperProfile(0, false);
    UUID other = store.shopperProfile(1, false);
    store.addToSegment(segment, profile);
    store.addToSegment(segment, other);
    values.put(KEY_OTHER_SHOPPER_PROFILE_ID, other.toString());
    return put(KEY_SEGMENT_ID, segment, KEY_SHOPPER_PROFILE_ID, profile);
  }

  @State(value = SHOPPER_PROFILE_TO_REMOVE, action = StateChangeAction.TEARDOWN)
  public void shopperProfileWasRemoved() {
    UUID segment = id(KEY_SEGMENT_ID);
    check(
        !store.isInSegment(id(KEY_SHOPPER_PROFILE_ID), segment),
        "shopper profile %s is still in the segment",
        KEY_SHOPPER_PROFILE_ID);
    check(
        store.isInSegment(id(KEY_OTHER_SHOPPER_PROFILE_ID), segment),
        "shopper profile %s left the segment too",
        KEY_OTHER_SHOPPER_PROFILE_ID);
    check(
        store.hasShopperProfile(id(KEY_SHOPPER_PROFILE_ID)),
        "shopper profile %s was deleted, not only removed from the segment",
        KEY_SHOPPER_PROFILE_ID);
  }

  @State(SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS)
  public Map<String, Object> shopperProfileInOneOfTwoSegments() {
    UUID segment = store.createSegment(WHOLESALE).id();
    UUID other = store.createSegment(TRADE).id();
    UUID profile = store.shopperProfile(0, true);
    store.addToSegment(segment, profile);
    values.put(KEY_OTHER_SEGMENT_ID, other.toString());
    return put(KEY_SEGMENT_ID, segment, KEY_SHOPPER_PROFILE_ID, profile);
  }

  @State(CUSTOMER_HAS_NO_SHOPPER_PROFILE)
  public Map<String, Object> customerHasNoShopperProfile() {
    values.put(KEY_CUSTOMER_ID, store.customerWithoutShopperProfile());
    return Map.of(KEY_CUSTOMER_ID, values.get(KEY_CUSTOMER_ID));
  }

  @State(RATE_LIMIT_USED_UP)
  public void rateLimitUsedUp() {
    store.rateLimitUsedUp();
  }

  private Map<String, Object> twoSegments() {
    UUID segment = store.createSegment(WHOLESALE).id();
    UUID other = store.createSegment(TRADE).id();
    return put(KEY_SEGMENT_ID, segment, KEY_OTHER_SEGMENT_ID, other);
  }

  /** Remembers the values (as text, as the pacts inject them) and returns them for Pact. */
  private Map<String, Object> put(Object... keysAndValues) {
    Map<String, Object> set = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      set.put((String) keysAndValues[i], keysAndValues[i + 1].toString());
    }
    values.putAll(set);
    return set;
  }

  private UUID id(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("the state set up no " + key);
    }
    return UUID.fromString(value.toString());
  }

  private void check(boolean expected, String problem, String key) {
    if (!expected) {
      throw new AssertionError(
          "after the interaction: " + String.format(problem, values.get(key) + " (" + key + ")"));
    }
  }
}
