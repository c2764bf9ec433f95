package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.EVERY_SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_REMOVE;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.contract.pact.ProviderStates;
import io.github.segmentskit.contract.pact.provider.LiveAllowList.Decision;
import io.github.segmentskit.contract.pact.provider.LiveAllowList.Entry;
import io.github.segmentskit.contract.pact.provider.LiveAllowList.Interaction;
import io.github.segmentskit.contract.pact.provider.LiveAllowList.ProfileUse;
import io.github.segmentskit.contract.pact.provider.LiveAllowList.Store;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which interactions a live run replays: known combinations only. */
class LiveAllowListTest {
  private static final String BASE = "/stores/abc123/v3";
  private static final Store EVERYTHING = new Store(true, 2, true);

  @Test
  void runsAnInteractionOnTheList() {
    Decision decision =
        LiveAllowList.decide(
            client("POST", BASE + "/segments", List.of(NO_SEGMENT_NAMED)), EVERYTHING);

    assertThat(decision.runs()).isTrue();
    assertThat(decision.entry().orElseThrow().operationId()).isEqualTo("SegmentsPostRequest");
  }

  @Test
  void skipsEveryInteractionOfAnUnknownConsumer() {
    Interaction intruder =
        new Interaction(
            "someone-else", "GET", BASE + "/segments", List.of(SEGMENT_EXISTS), Pacts.MODIFY_TOKEN);

    assertThat(LiveAllowList.decide(intruder, EVERYTHING).skipReason())
        .isEqualTo("consumer 'someone-else' is not a known consumer");
  }

  @Test
  void skipsAKnownOperationInAStateNotOnTheList() {
    assertThat(
            LiveAllowList.decide(
                    client("DELETE", BASE + "/segments", List.of(EVERY_SEGMENT_TO_DELETE)),
                    EVERYTHING)
                .skipReason())
        .startsWith("not on the live allow-list: DeleteStoreSegment");
    assertThat(
            LiveAllowList.decide(
                    client("POST", BASE + "/segments", List.of(STORE_HAS_1000_SEGMENTS)),
                    EVERYTHING)
                .runs())
        .isFalse();
  }

  @Test
  void skipsAStateSetThatIsNotExactlyOnTheList() {
    String add = BASE + "/segments/" + ProviderStates.SEGMENT_ID + "/shopper-profiles";

    assertThat(
            LiveAllowList.decide(client("POST", add, List.of(SEGMENT_EXISTS)), EVERYTHING).runs())
        .isFalse();
    assertThat(
            LiveAllowList.decide(
                    client(
                        "POST",
                        add,
                        List.of(SEGMENT_EXISTS, SHOPPER_PROFILE_EXISTS, NO_SEGMENT_NAMED)),
                    EVERYTHING)
                .runs())
        .isFalse();
    assertThat(
            LiveAllowList.decide(
                    client("POST", add, List.of(SHOPPER_PROFILE_EXISTS, SEGMENT_EXISTS)),
                    EVERYTHING)
                .runs())
        .isTrue();
  }

  @Test
  void skipsWhatIsNoOperationOfTheSpec() {
    assertThat(
            LiveAllowList.decide(client("PATCH", BASE + "/segments", List.of()), EVERYTHING)
                .skipReason())
        .endsWith("is no operation");
  }

  @Test
  void listsNoWriteToShopperProfilesAndNothingWithoutTheRunsOwnData() {
    assertThat(LiveAllowList.ENTRIES)
        .extracting(Entry::operationId)
        .doesNotContain("ShopperProfilesRequest", "DeleteStoreShopperProfile")
        .doesNotContainNull();
    assertThat(LiveAllowList.ENTRIES)
        .noneMatch(entry -> entry.states().contains(SHOPPER_PROFILE_TO_DELETE))
        .noneMatch(entry -> entry.states().contains(EVERY_SEGMENT_TO_DELETE))
        .noneMatch(entry -> entry.states().contains(STORE_HAS_1000_SEGMENTS))
        .noneMatch(entry -> entry.states().contains(ProviderStates.RATE_LIMIT_USED_UP))
        .noneMatch(
            entry -> entry.states().contains(ProviderStates.CUSTOMER_HAS_NO_SHOPPER_PROFILE));
  }

  @Test
  void lendsRealShopperProfilesOnlyToInteractionsOnTheRunsOwnSegments() {
    assertThat(LiveAllowList.ENTRIES)
        .filteredOn(entry -> entry.profiles().lent() > 0)
        .extracting(Entry::operationId)
        .containsOnly(
            "GetSegmentProfiles",
            "PostShopperProfile",
            "DeleteShopperProfile",
            "GetListShopperProfile");
  }

  @Test
  void everyStateOnTheListIsAStateOfThePacts() {
    assertThat(LiveAllowList.ENTRIES)
        .flatExtracting(entry -> List.copyOf(entry.states()))
        .allMatch(ProviderStates.ALL::contains);
    assertThat(LiveAllowList.CONSUMERS)
        .containsExactlyInAnyOrder(Pacts.CONSUMER, Pacts.RAW_PROBE_CONSUMER);
  }

  @Test
  void skipsTheReadOnlyTokenInteractionWithoutAReadOnlyToken() {
    Interaction readOnly =
        new Interaction(
            Pacts.CONSUMER,
            "POST",
            BASE + "/segments",
            List.of(NO_SEGMENT_NAMED),
            Pacts.READ_ONLY_TOKEN);

    assertThat(LiveAllowList.decide(readOnly, new Store(false, 2, true)).skipReason())
        .isEqualTo("it needs " + LiveStoreConfig.READ_ONLY_TOKEN);
    assertThat(LiveAllowList.decide(readOnly, EVERYTHING).runs()).isTrue();
  }

  @Test
  void skipsWhatNeedsMoreShopperProfilesThanTheStoreHas() {
    Interaction remove =
        client(
            "DELETE",
            BASE + "/segments/" + ProviderStates.SEGMENT_ID + "/shopper-profiles",
            List.of(SHOPPER_PROFILE_TO_REMOVE));

    assertThat(LiveAllowList.decide(remove, new Store(true, 1, true)).skipReason())
        .isEqualTo("it needs 2 shopper profile(s) in the store, which has 1");
    assertThat(LiveAllowList.decide(remove, EVERYTHING).entry())
        .map(Entry::profiles)
        .contains(ProfileUse.TWO);
  }

  @Test
  void skipsTheSegmentsOfAProfileWithoutAProfileInNoSegment() {
    Interaction segmentsOfProfile =
        client(
            "GET",
            BASE + "/shopper-profiles/" + ProviderStates.SHOPPER_PROFILE_ID + "/segments",
            List.of(SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS));

    assertThat(LiveAllowList.decide(segmentsOfProfile, new Store(true, 2, false)).skipReason())
        .isEqualTo("it needs a shopper profile that is in no segment");
    assertThat(LiveAllowList.decide(segmentsOfProfile, EVERYTHING).runs()).isTrue();
  }

  @Test
  void listingShopperProfilesNeedsOneInTheStoreButLendsNone() {
    Interaction list = client("GET", BASE + "/shopper-profiles", List.of(SHOPPER_PROFILE_EXISTS));

    assertThat(LiveAllowList.decide(list, new Store(true, 0, false)).runs()).isFalse();
    assertThat(LiveAllowList.decide(list, EVERYTHING).entry().orElseThrow().profiles().lent())
        .isZero();
  }

  private static Interaction client(String method, String path, List<String> states) {
    return new Interaction(Pacts.CONSUMER, method, path, states, Pacts.MODIFY_TOKEN);
  }
}
