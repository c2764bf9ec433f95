package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_REMOVE;
import static io.github.segmentskit.contract.pact.ProviderStates.TWO_SEGMENTS_EXIST;
import static java.util.Objects.requireNonNull;

import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.contract.pact.SpecOperations;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The interactions a live run may replay on a real store: known (consumer, operation, provider
 * states) combinations, each with what it may use of the store's shopper profiles. Anything else —
 * another consumer, an operation or a state not listed, a new interaction nobody reviewed — is
 * skipped. A pure function of the interaction, tested by {@code LiveAllowListTest}; what the
 * request finally sends is checked again by {@link LiveRequestGuard}.
 */
final class LiveAllowList {
  /** What an interaction may use of the store's own shopper profiles. */
  enum ProfileUse {
    /** None. */
    NONE(0, 0, false),
    /** None lent, but the store must have one (a list must not come back empty). */
    STORE_HAS_ONE(0, 1, false),
    /** One real profile, added to (and removed from) the run's own segments only. */
    ONE(1, 1, false),
    /** Two real profiles, in the run's own segments only. */
    TWO(2, 2, false),
    /** One real profile that belongs to no segment (so the run's segments are all it is in). */
    ONE_IN_NO_SEGMENT(1, 1, true);

    private final int lent;
    private final int needed;
    private final boolean inNoSegment;

    ProfileUse(int lent, int needed, boolean inNoSegment) {
      this.lent = lent;
      this.needed = needed;
      this.inNoSegment = inNoSegment;
    }

    /** How many real shopper-profile ids the interaction's states may be handed. */
    int lent() {
      return lent;
    }
  }

  /** One allowed combination. */
  record Entry(String consumer, String operationId, Set<String> states, ProfileUse profiles) {
    Entry {
      requireNonNull(consumer, "consumer == null");
      requireNonNull(operationId, "operationId == null");
      states = Set.copyOf(requireNonNull(states, "states == null"));
      requireNonNull(profiles, "profiles == null");
    }
  }

  /** The interaction as the pact describes it (before provider-state values are injected). */
  record Interaction(
      String consumer, String method, String path, List<String> states, String token) {
    Interaction {
      requireNonNull(consumer, "consumer == null");
      requireNonNull(method, "method == null");
      requireNonNull(path, "path == null");
      states = List.copyOf(requireNonNull(states, "states == null"));
    }
  }

  /** What the store offers: a read-only token, its shopper profiles. */
  record Store(boolean readOnlyToken, int shopperProfiles, boolean shopperProfileInNoSegment) {}

  /** The verdict: the entry to run under, or why the interaction is skipped. */
  record Decision(Optional<Entry> entry, String skipReason) {
    static Decision run(Entry entry) {
      return new Decision(Optional.of(entry), "");
    }

    static Decision skip(String reason) {
      return new Decision(Optional.empty(), reason);
    }

    boolean runs() {
      return entry.isPresent();
    }
  }

  /** The known consumers: pacts of any other consumer are never loaded, let alone replayed. */
  static final Set<String> CONSUMERS = Set.of(Pacts.CONSUMER, Pacts.RAW_PROBE_CONSUMER);

  /** Everything a live run may replay (docs/contracts.md lists the same, with the reasons). */
  static final List<Entry> ENTRIES =
      List.of(
          client("GetPaginatedSegmentsList", Set.of(SEGMENT_EXISTS), ProfileUse.NONE),
          client("GetPaginatedSegmentsList", Set.of(TWO_SEGMENTS_EXIST), ProfileUse.NONE),
          client("GetPaginatedSegmentsList", Set.of(), ProfileUse.NONE), // invalid token: 401
          client("SegmentsPostRequest", Set.of(NO_SEGMENT_NAMED), ProfileUse.NONE),
          client("SegmentsPostRequest", Set.of(SEGMENT_NAMED), ProfileUse.NONE),
          client("PutSegmentObjects", Set.of(SEGMENT_EXISTS), ProfileUse.NONE),
          client("DeleteStoreSegment", Set.of(SEGMENT_TO_DELETE), ProfileUse.NONE),
          client(
              "GetSegmentProfiles", Set.of(ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT), ProfileUse.TWO),
          client("GetSegmentProfiles", Set.of(NO_SEGMENT_EXISTS), ProfileUse.NONE),
          client(
              "PostShopperProfile", Set.of(SEGMENT_EXISTS, SHOPPER_PROFILE_EXISTS), ProfileUse.ONE),
          client("PostShopperProfile", Set.of(SHOPPER_PROFILE_IN_SEGMENT), ProfileUse.ONE),
          client("DeleteShopperProfile", Set.of(SHOPPER_PROFILE_TO_REMOVE), ProfileUse.TWO),
          client("GetShopperList", Set.of(SHOPPER_PROFILE_EXISTS), ProfileUse.STORE_HAS_ONE),
          client(
              "GetListShopperProfile",
              Set.of(SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS),
              ProfileUse.ONE_IN_NO_SEGMENT),
          new Entry(Pacts.RAW_PROBE_CONSUMER, "GetSegmentProfiles", Set.of(), ProfileUse.NONE));

  private LiveAllowList() {}

  private static Entry client(String operationId, Set<String> states, ProfileUse profiles) {
    return new Entry(Pacts.CONSUMER, operationId, states, profiles);
  }

  /** Whether, and under which entry, the interaction runs on a store that offers {@code store}. */
  static Decision decide(Interaction interaction, Store store) {
    requireNonNull(interaction, "interaction == null");
    requireNonNull(store, "store == null");
    if (!CONSUMERS.contains(interaction.consumer())) {
      return Decision.skip("consumer '" + interaction.consumer() + "' is not a known consumer");
    }
    Optional<String> operation = SpecOperations.of(interaction.method(), interaction.path());
    if (operation.isEmpty()) {
      return Decision.skip(interaction.method() + " " + interaction.path() + " is no operation");
    }
    Set<String> states = Set.copyOf(interaction.states());
    Optional<Entry> entry =
        ENTRIES.stream()
            .filter(e -> e.consumer().equals(interaction.consumer()))
            .filter(e -> e.operationId().equals(operation.get()))
            .filter(e -> e.states().equals(states))
            .findFirst();
    if (entry.isEmpty()) {
      return Decision.skip(
          "not on the live allow-list: " + operation.get() + " in states " + states);
    }
    if (Pacts.READ_ONLY_TOKEN.equals(interaction.token()) && !store.readOnlyToken()) {
      return Decision.skip("it needs " + LiveStoreConfig.READ_ONLY_TOKEN);
    }
    ProfileUse profiles = entry.get().profiles();
    if (store.shopperProfiles() < profiles.needed) {
      return Decision.skip(
          "it needs "
              + profiles.needed
              + " shopper profile(s) in the store, which has "
              + store.shopperProfiles());
    }
    if (profiles.inNoSegment && !store.shopperProfileInNoSegment()) {
      return Decision.skip("it needs a shopper profile that is in no segment");
    }
    return Decision.run(entry.get());
  }
}
