package io.github.segmentskit.contract.pact;

import java.util.Set;

/**
 * The provider states of the pacts, written as sentences, and the keys of the values a state
 * handler injects into requests. The ids in the sentences are the example values the consumer tests
 * use; a provider may set the state up with other ids (a real store generates them) and return
 * those under the keys below.
 */
public final class ProviderStates {
  /** Example id of an existing segment. */
  public static final String SEGMENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  /** Example id of an existing shopper profile. */
  public static final String SHOPPER_PROFILE_ID = "7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a";

  /** Example id that names no segment. */
  public static final String MISSING_SEGMENT_ID = "0b6a2c1e-5f4d-4e3b-9a8c-7d6e5f4a3b2c";

  /** Example name of a segment (a live provider prefixes it, see LiveStoreFixture). */
  public static final String SEGMENT_NAME = "Loyal Customers";

  /** Example customer id of a shopper profile. */
  public static final long CUSTOMER_ID = 1042;

  public static final String SEGMENT_EXISTS = "segment " + SEGMENT_ID + " exists";
  public static final String NO_SEGMENT_EXISTS = "no segment " + MISSING_SEGMENT_ID + " exists";
  public static final String NO_SEGMENT_NAMED = "no segment is named " + SEGMENT_NAME;
  public static final String SEGMENT_NAMED = "a segment is named " + SEGMENT_NAME;
  public static final String STORE_HAS_1000_SEGMENTS = "store has 1000 segments";
  public static final String SHOPPER_PROFILE_EXISTS =
      "shopper profile " + SHOPPER_PROFILE_ID + " exists";
  public static final String SHOPPER_PROFILE_IN_SEGMENT =
      "shopper profile " + SHOPPER_PROFILE_ID + " is in segment " + SEGMENT_ID;
  public static final String CUSTOMER_HAS_NO_SHOPPER_PROFILE =
      "customer " + CUSTOMER_ID + " has no shopper profile";
  public static final String RATE_LIMIT_USED_UP = "the store's rate limit is used up";

  /** Every state above: the provider suites prove they handle each one. */
  public static final Set<String> ALL =
      Set.of(
          SEGMENT_EXISTS,
          NO_SEGMENT_EXISTS,
          NO_SEGMENT_NAMED,
          SEGMENT_NAMED,
          STORE_HAS_1000_SEGMENTS,
          SHOPPER_PROFILE_EXISTS,
          SHOPPER_PROFILE_IN_SEGMENT,
          CUSTOMER_HAS_NO_SHOPPER_PROFILE,
          RATE_LIMIT_USED_UP);

  /** Injected: the id of the segment the state is about. */
  public static final String KEY_SEGMENT_ID = "segmentId";

  /** Injected: the name of the segment the state is about (or a free name to create). */
  public static final String KEY_SEGMENT_NAME = "segmentName";

  /** Injected: the id of the shopper profile the state is about. */
  public static final String KEY_SHOPPER_PROFILE_ID = "shopperProfileId";

  /** Injected: the customer id free for a new shopper profile. */
  public static final String KEY_CUSTOMER_ID = "customerId";

  private ProviderStates() {}

  /** {@code ${key}}: a provider-state expression. */
  public static String expression(String key) {
    return "${" + key + "}";
  }
}
