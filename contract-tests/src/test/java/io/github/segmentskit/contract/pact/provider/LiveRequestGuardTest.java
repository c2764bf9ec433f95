package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The last check before a replayed request reaches a real store, rule by rule. */
class LiveRequestGuardTest {
  private static final String BASE = "/stores/livestore/v3";
  private static final UUID OWN_SEGMENT = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final UUID STORES_SEGMENT =
      UUID.fromString("5b8d1c3e-2f4a-4b6c-8d9e-0a1b2c3d4e5f");
  private static final UUID LENT_PROFILE = UUID.fromString("7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a");
  private static final UUID OTHER_PROFILE = UUID.fromString("c4f1e2d3-6a5b-4c7d-9e8f-1a2b3c4d5e6f");

  private LiveRun run;

  @BeforeEach
  void aRunThatCreatedOneSegmentAndLentOneProfile() {
    run = LiveRun.withId("0a1b2c3d");
    run.created(OWN_SEGMENT);
    run.lent(LENT_PROFILE);
  }

  @Test
  void letsAnyGetOnTheStoreThrough() {
    assertThat(refusal("GET", "/segments", "page=1&limit=50", "")).isEmpty();
    assertThat(refusal("GET", "/shopper-profiles/" + OTHER_PROFILE + "/segments", "", ""))
        .isEmpty();
    assertThat(refusal("GET", "/segments/not-a-uuid/shopper-profiles", "", "")).isEmpty();
  }

  @Test
  void refusesAnythingOutsideTheConfiguredStoresApi() {
    assertThat(guard(new SentRequest("GET", "/stores/other/v3/segments", "", "")))
        .hasValueSatisfying(why -> assertThat(why).contains("not the configured store's API"));
    assertThat(guard(new SentRequest("DELETE", "/null", "id:in=" + OWN_SEGMENT, ""))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "DELETE", "PUT", "PATCH"})
  void neverSendsAnythingButGetToShopperProfiles(String method) {
    assertThat(
            refusal(method, "/shopper-profiles", "id:in=" + LENT_PROFILE, "[{\"customer_id\":7}]"))
        .hasValueSatisfying(
            why -> assertThat(why).contains("never sends a " + method + " to /shopper-profiles"));
    assertThat(refusal(method, "/shopper-profiles/" + LENT_PROFILE + "/segments", "", ""))
        .isPresent();
  }

  @Test
  void refusesADeleteOfSegmentsWithoutIdIn() {
    assertThat(refusal("DELETE", "/segments", "", ""))
        .contains(
            "refused DELETE "
                + BASE
                + "/segments: a DELETE without id:in deletes everything in scope");
    assertThat(refusal("DELETE", "/segments", "page=1", "")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"id:in=", "id%3Ain=", "id:in=,", "id:in=3fa85f64-5717-4562-b3fc-2c963f66afa6,"})
  void refusesAnIdInWithAnEmptyValue(String query) {
    assertThat(refusal("DELETE", "/segments", query, ""))
        .hasValueSatisfying(why -> assertThat(why).endsWith("its id:in has an empty value"));
  }

  @Test
  void refusesAnIdInWithASegmentThisRunDidNotCreate() {
    assertThat(refusal("DELETE", "/segments", "id:in=" + OWN_SEGMENT + "," + STORES_SEGMENT, ""))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .endsWith(
                        "id:in value " + STORES_SEGMENT + " is not a segment this run created"));
    assertThat(refusal("DELETE", "/segments", "id:in=not-a-uuid", "")).isPresent();
  }

  @Test
  void letsADeleteOfOnlyThisRunsSegmentsThrough() {
    assertThat(refusal("DELETE", "/segments", "id:in=" + OWN_SEGMENT, "")).isEmpty();
    assertThat(refusal("DELETE", "/segments", "id%3Ain=" + OWN_SEGMENT, "")).isEmpty();
  }

  @Test
  void refusesAFormerSegmentOfThisRunOnceDeleted() {
    run.deleted(OWN_SEGMENT);

    assertThat(refusal("DELETE", "/segments", "id:in=" + OWN_SEGMENT, "")).isPresent();
  }

  @Test
  void refusesANewSegmentWhoseNameLacksThisRunsPrefix() {
    assertThat(refusal("POST", "/segments", "", "[{\"name\":\"Loyal Customers\"}]"))
        .hasValueSatisfying(
            why -> assertThat(why).endsWith("does not start with segments-kit-contract-0a1b2c3d-"));
    assertThat(
            refusal(
                "POST",
                "/segments",
                "",
                "[{\"name\":\"segments-kit-contract-0a1b2c3d-1-ok\"},"
                    + "{\"name\":\"segments-kit-contract-99999999-1-another run\"}]"))
        .isPresent();
    assertThat(refusal("POST", "/segments", "", "[{\"name\":5}]")).isPresent();
    assertThat(refusal("POST", "/segments", "", "[{}]")).isPresent();
    assertThat(refusal("POST", "/segments", "", "{\"name\":\"segments-kit-contract-0a1b2c3d-1\"}"))
        .hasValueSatisfying(why -> assertThat(why).endsWith("not a JSON array of segments"));
  }

  @Test
  void letsANewSegmentWithThisRunsPrefixThrough() {
    assertThat(
            refusal(
                "POST", "/segments", "", "[{\"name\":\"segments-kit-contract-0a1b2c3d-4-VIP\"}]"))
        .isEmpty();
  }

  @Test
  void refusesAnUpdateOfASegmentThisRunDidNotCreate() {
    assertThat(
            refusal(
                "PUT",
                "/segments",
                "",
                "[{\"id\":\"" + STORES_SEGMENT + "\",\"description\":\"x\"}]"))
        .isPresent();
    assertThat(refusal("PUT", "/segments", "", "[{\"description\":\"x\"}]")).isPresent();
    assertThat(
            refusal("PUT", "/segments", "", "[{\"id\":\"" + OWN_SEGMENT + "\",\"name\":\"VIP\"}]"))
        .as("a new name without the prefix")
        .isPresent();
    assertThat(
            refusal(
                "PUT", "/segments", "", "[{\"id\":\"" + OWN_SEGMENT + "\",\"description\":\"x\"}]"))
        .isEmpty();
  }

  @Test
  void refusesProfileChangesOnASegmentThisRunDidNotCreate() {
    String storesMembers = "/segments/" + STORES_SEGMENT + "/shopper-profiles";

    assertThat(refusal("POST", storesMembers, "", "[\"" + LENT_PROFILE + "\"]"))
        .hasValueSatisfying(
            why -> assertThat(why).endsWith(STORES_SEGMENT + " is not one this run created"));
    assertThat(refusal("DELETE", storesMembers, "id:in=" + LENT_PROFILE, "")).isPresent();
  }

  @Test
  void refusesProfilesThisRunDidNotLend() {
    String ownMembers = "/segments/" + OWN_SEGMENT + "/shopper-profiles";

    assertThat(refusal("POST", ownMembers, "", "[\"" + OTHER_PROFILE + "\"]")).isPresent();
    assertThat(refusal("DELETE", ownMembers, "id:in=" + OTHER_PROFILE, "")).isPresent();
    assertThat(refusal("POST", ownMembers, "", "[\"" + LENT_PROFILE + "\"]")).isEmpty();
    assertThat(refusal("DELETE", ownMembers, "id:in=" + LENT_PROFILE, "")).isEmpty();
  }

  @Test
  void refusesRemovingProfilesFromASegmentWithoutIdIn() {
    assertThat(refusal("DELETE", "/segments/" + OWN_SEGMENT + "/shopper-profiles", "", ""))
        .hasValueSatisfying(
            why -> assertThat(why).endsWith("a DELETE without id:in deletes everything in scope"));
  }

  @Test
  void refusesWhatTheLiveRunNeverSends() {
    assertThat(refusal("PATCH", "/segments", "", "[]")).isPresent();
    assertThat(refusal("POST", "/segments/" + OWN_SEGMENT, "", "[]")).isPresent();
  }

  private Optional<String> refusal(String method, String resource, String query, String body) {
    return guard(new SentRequest(method, BASE + resource, query, body));
  }

  private Optional<String> guard(SentRequest request) {
    return LiveRequestGuard.refusal(request, BASE, run);
  }
}
