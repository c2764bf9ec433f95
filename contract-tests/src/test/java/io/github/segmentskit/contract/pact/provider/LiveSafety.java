package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_HAS_NO_SHOPPER_PROFILE;
import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static java.util.Objects.requireNonNull;

import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.contract.pact.SpecOperations;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which interactions the live verification must not replay on a real store, and why: a pure
 * function of the interaction, tested by {@code LiveSafetyTest}. Everything else runs; its segments
 * carry the kit's name prefix and are deleted by id afterwards ({@link LiveStoreFixture}).
 */
final class LiveSafety {
  private LiveSafety() {}

  /** What the rules look at in one interaction. */
  record Request(
      String consumer,
      String method,
      String path,
      Set<String> queryNames,
      List<String> states,
      String token) {
    Request {
      requireNonNull(consumer, "consumer == null");
      requireNonNull(method, "method == null");
      requireNonNull(path, "path == null");
      queryNames = Set.copyOf(requireNonNull(queryNames, "queryNames == null"));
      states = List.copyOf(requireNonNull(states, "states == null"));
    }
  }

  /**
   * Why the interaction is skipped on a real store, or empty if it runs.
   *
   * @param readOnlyTokenConfigured whether a read-only token was given for the 403 interaction
   * @param storeHasShopperProfile whether the store has a shopper profile the states can use
   */
  static Optional<String> skipReason(
      Request request, boolean readOnlyTokenConfigured, boolean storeHasShopperProfile) {
    requireNonNull(request, "request == null");
    String operation = SpecOperations.of(request.method(), request.path()).orElse("?");
    if (request.method().equals("DELETE") && !request.queryNames().contains("id:in")) {
      return Optional.of("a DELETE without id:in deletes everything in scope");
    }
    if (operation.equals("DeleteStoreShopperProfile")) {
      return Optional.of("it deletes a shopper profile, which the kit did not create");
    }
    if (request.states().contains(STORE_HAS_1000_SEGMENTS)) {
      return Optional.of("it needs 1000 segments in the store");
    }
    if (request.states().contains(RATE_LIMIT_USED_UP)) {
      return Optional.of("it needs the store's rate limit, shared by every app, used up");
    }
    if (request.states().contains(CUSTOMER_HAS_NO_SHOPPER_PROFILE)) {
      return Optional.of("it creates a shopper profile for a real customer");
    }
    if (request.consumer().equals(Pacts.RAW_PROBE_CONSUMER) && !request.method().equals("GET")) {
      return Optional.of("an off-spec write could create a segment without the kit's prefix");
    }
    if (Pacts.READ_ONLY_TOKEN.equals(request.token()) && !readOnlyTokenConfigured) {
      return Optional.of("it needs " + LiveStoreConfig.READ_ONLY_TOKEN);
    }
    boolean needsProfile =
        request.states().stream().anyMatch(state -> state.startsWith("shopper profile "));
    if (needsProfile && !storeHasShopperProfile) {
      return Optional.of("the store has no shopper profile to use");
    }
    return Optional.empty();
  }
}
