package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.contract.pact.Pacts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the live verification refuses to replay on a real store. */
class LiveSafetyTest {
  private static final String SEGMENTS = "/stores/abc123/v3/segments";

  @Test
  void skipsADeleteWithoutIds() {
    assertThat(skip(request("DELETE", SEGMENTS, Set.of(), List.of(SEGMENT_EXISTS))))
        .contains("a DELETE without id:in deletes everything in scope");
  }

  @Test
  void runsADeleteWithIds() {
    assertThat(skip(request("DELETE", SEGMENTS, Set.of("id:in"), List.of(SEGMENT_EXISTS))))
        .isEmpty();
  }

  @Test
  void skipsDeletingAShopperProfileEvenById() {
    assertThat(
            skip(
                request(
                    "DELETE", "/stores/abc123/v3/shopper-profiles", Set.of("id:in"), List.of())))
        .isPresent();
  }

  @Test
  void skipsStatesThatCannotBeSetUpSafely() {
    assertThat(skip(request("POST", SEGMENTS, Set.of(), List.of(STORE_HAS_1000_SEGMENTS))))
        .isPresent();
    assertThat(skip(request("GET", SEGMENTS, Set.of(), List.of(RATE_LIMIT_USED_UP)))).isPresent();
  }

  @Test
  void skipsTheRawProbesWritesButNotItsReads() {
    LiveSafety.Request write =
        new LiveSafety.Request(
            Pacts.RAW_PROBE_CONSUMER, "POST", SEGMENTS, Set.of(), List.of(), Pacts.MODIFY_TOKEN);
    LiveSafety.Request read =
        new LiveSafety.Request(
            Pacts.RAW_PROBE_CONSUMER,
            "GET",
            "/stores/abc123/v3/segments/not-a-uuid/shopper-profiles",
            Set.of(),
            List.of(),
            Pacts.MODIFY_TOKEN);

    assertThat(skip(write)).isPresent();
    assertThat(skip(read)).isEmpty();
  }

  @Test
  void skipsTheReadOnlyTokenInteractionWithoutAReadOnlyToken() {
    LiveSafety.Request readOnly =
        new LiveSafety.Request(
            Pacts.CONSUMER, "POST", SEGMENTS, Set.of(), List.of(), Pacts.READ_ONLY_TOKEN);

    assertThat(LiveSafety.skipReason(readOnly, false, true))
        .contains("it needs " + LiveStoreConfig.READ_ONLY_TOKEN);
    assertThat(LiveSafety.skipReason(readOnly, true, true)).isEmpty();
  }

  @Test
  void skipsShopperProfileStatesWhenTheStoreHasNoProfile() {
    LiveSafety.Request request =
        request(
            "GET",
            "/stores/abc123/v3/shopper-profiles",
            Set.of(),
            List.of(SHOPPER_PROFILE_IN_SEGMENT));

    assertThat(LiveSafety.skipReason(request, true, false)).isPresent();
    assertThat(LiveSafety.skipReason(request, true, true)).isEmpty();
  }

  private static LiveSafety.Request request(
      String method, String path, Set<String> query, List<String> states) {
    return new LiveSafety.Request(Pacts.CONSUMER, method, path, query, states, Pacts.MODIFY_TOKEN);
  }

  private static java.util.Optional<String> skip(LiveSafety.Request request) {
    return LiveSafety.skipReason(request, true, true);
  }
}
