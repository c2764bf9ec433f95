package io.github.segmentskit.contract.pact;

import java.util.Set;

/**
 * The provider states of the pacts, written as sentences, and the keys of the values a state
 * handler injects into requests and expected responses. The ids in the sentences are the example
 * values the consumer tests use; a provider sets the state up with its own ids (a real store
 * generates them) and returns those under the keys below.
 *
 * <p>Four states end in "is to be deleted" or "is to be removed from it": they promise what the
 * interaction does, and their teardown checks it on the provider (the item is gone, the other one
 * is still there), so a provider that answers 204 and deletes nothing fails the pact.
 */
public final class ProviderStates {
  /** Example id of an existing segment. */
  public static final String SEGMENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  /** Example id of a second existing segment, the one a filter must leave out. */
  public static final String OTHER_SEGMENT_ID = "5b8d1c3e-2f4a-4b6c-8d9e-0a1b2c3d4e5f";

  /** Example id of an existing shopper profile. */
  public static final String SHOPPER_PROFILE_ID = "7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a";

  /** Example id of a second existing shopper profile, the one a filter must leave out. */
  public static final String OTHER_SHOPPER_PROFILE_ID = "c4f1e2d3-6a5b-4c7d-9e8f-1a2b3c4d5e6f";

  /** Example id that names no segment. */
  public static final String MISSING_SEGMENT_ID = "0b6a2c1e-5f4d-4e3b-9a8c-7d6e5f4a3b2c";

  /** Example name of a segment (a live provider prefixes it, see LiveStoreFixture). */
  public static final String SEGMENT_NAME = "Loyal Customers";

  /** Example customer id without a shopper profile (a provider returns its own). */
  public static final long CUSTOMER_ID = 1042;

  public static final String SEGMENT_EXISTS = "segment " + SEGMENT_ID + " exists";
  public static final String TWO_SEGMENTS_EXIST =
      "segments " + SEGMENT_ID + " and " + OTHER_SEGMENT_ID + " exist";
  public static final String SEGMENT_TO_DELETE =
      TWO_SEGMENTS_EXIST + ", and " + SEGMENT_ID + " is to be deleted";
  public static final String EVERY_SEGMENT_TO_DELETE =
      TWO_SEGMENTS_EXIST + ", and every segment is to be deleted";
  public static final String NO_SEGMENT_EXISTS = "no segment " + MISSING_SEGMENT_ID + " exists";
  public static final String NO_SEGMENT_NAMED = "no segment is named " + SEGMENT_NAME;
  public static final String SEGMENT_NAMED = "a segment is named " + SEGMENT_NAME;
  public static final String STORE_HAS_1000_SEGMENTS = "store has 1000 segments";
  public static final String SHOPPER_PROFILE_EXISTS =
      "shopper profile " + SHOPPER_PROFILE_ID + " exists";
  public static final String SHOPPER_PROFILE_TO_DELETE =
      "shopper profiles "
          + SHOPPER_PROFILE_ID
          + " and "
          + OTHER_SHOPPER_PROFILE_ID
          + " exist, and "
          + SHOPPER_PROFILE_ID
          + " is to be deleted";
  public static final String SHOPPER_PROFILE_IN_SEGMENT =
      "shopper profile " + SHOPPER_PROFILE_ID + " is in segment " + SEGMENT_ID;
  public static final String ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT =
      "shopper profiles "
          + SHOPPER_PROFILE_ID
          + " and "
          + OTHER_SHOPPER_PROFILE_ID
          + " exist, and only "
          + SHOPPER_PROFILE_ID
          + " is in segment "
          + SEGMENT_ID;
  public static final String SHOPPER_PROFILE_TO_REMOVE =
      "shopper profiles "
          + SHOPPER_PROFILE_ID
          + " and "
          + OTHER_SHOPPER_PROFILE_ID
          + " are in segment "
          + SEGMENT_ID
          + ", and "
          + SHOPPER_PROFILE_ID
          + " is to be removed from it";
  public static final String SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS =
      TWO_SEGMENTS_EXIST
          + ", and shopper profile "
          + SHOPPER_PROFILE_ID
          + " is only in "
          + SEGMENT_ID;
  public static final String CUSTOMER_HAS_NO_SHOPPER_PROFILE =
      "customer " + CUSTOMER_ID + " has no shopper profile";
  public static final String RATE_LIMIT_USED_UP = "the store's rate limit is used up";

  /** Every state above: the provider suites prove they handle each one. */
  public static final Set<String> ALL =
      Set.of(
          SEGMENT_EXISTS,
          TWO_SEGMENTS_EXIST,
          SEGMENT_TO_DELETE,
          EVERY_SEGMENT_TO_DELETE,
          NO_SEGMENT_EXISTS,
          NO_SEGMENT_NAMED,
          SEGMENT_NAMED,
          STORE_HAS_1000_SEGMENTS,
          SHOPPER_PROFILE_EXISTS,
          SHOPPER_PROFILE_TO_DELETE,
          SHOPPER_PROFILE_IN_SEGMENT,
          ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT,
          SHOPPER_PROFILE_TO_REMOVE,
          SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS,
          CUSTOMER_HAS_NO_SHOPPER_PROFILE,
          RATE_LIMIT_USED_UP);

  /** Injected: the id of the segment the state is about. */
  public static final String KEY_SEGMENT_ID = "segmentId";

  /** Injected: the id of the second segment, which a filter must leave out. */
  public static final String KEY_OTHER_SEGMENT_ID = "otherSegmentId";

  /** Injected: the name of the segment the state is about (or a free name to create). */
  public static final String KEY_SEGMENT_NAME = "segmentName";

  /** Injected: the id of the shopper profile the state is about. */
  public static final String KEY_SHOPPER_PROFILE_ID = "shopperProfileId";

  /** Injected: the id of the second shopper profile, which a filter must leave out. */
  public static final String KEY_OTHER_SHOPPER_PROFILE_ID = "otherShopperProfileId";

  /** Injected: the customer id free for a new shopper profile. */
  public static final String KEY_CUSTOMER_ID = "customerId";

  private ProviderStates() {}

  /** {@code ${key}}: a provider-state expression. */
  public static String expression(String key) {
    return "${" + key + "}";
  }
}
