package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.MISSING_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_SEGMENT;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_REMOVE;
import static io.github.segmentskit.contract.pact.ProviderStates.expression;
import static io.github.segmentskit.contract.pact.consumer.ConsumerClients.client;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.BASE;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.conflict;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.error;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.jsonResponse;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.pageOfExactly;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.readHeaders;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.writeHeaders;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.writtenExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.Page;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /segments/{segmentId}/shopper-profiles}: the shopper profiles in a segment. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class SegmentShopperProfilesConsumerPactTest {
  private static final String PROFILES_OF_SEGMENT =
      BASE + "/segments/" + expression(KEY_SEGMENT_ID) + "/shopper-profiles";
  private static final String EXAMPLE_PATH = BASE + "/segments/" + SEGMENT_ID + "/shopper-profiles";

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listProfilesInSegment(PactDslWithProvider builder) {
    return builder
        .given(ONE_OF_TWO_SHOPPER_PROFILES_IN_SEGMENT)
        .uponReceiving("list the shopper profiles in a segment")
        .method("GET")
        .pathFromProviderState(PROFILES_OF_SEGMENT, EXAMPLE_PATH)
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(200)
        .headers(jsonResponse())
        .body(pageOfExactly(KEY_SHOPPER_PROFILE_ID, SHOPPER_PROFILE_ID))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listProfilesInSegment")
  void listsTheShopperProfilesInASegment(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      Page<ShopperProfile> page =
          client
              .segments()
              .shopperProfiles(Ids.parse(SEGMENT_ID))
              .list(PageParams.first())
              .execute();

      assertThat(page.items())
          .extracting(ShopperProfile::getId)
          .containsExactly(Ids.parse(SHOPPER_PROFILE_ID));
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listProfilesOfMissingSegment(PactDslWithProvider builder) {
    return builder
        .given(NO_SEGMENT_EXISTS)
        .uponReceiving("list the shopper profiles of a segment that does not exist")
        .method("GET")
        .path(BASE + "/segments/" + MISSING_SEGMENT_ID + "/shopper-profiles")
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(404)
        .headers(jsonResponse())
        .body(error(404, "Segment not found"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listProfilesOfMissingSegment")
  void mapsAMissingSegmentToNotFoundException(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      NotFoundException e =
          assertThrows(
              NotFoundException.class,
              () ->
                  client
                      .segments()
                      .shopperProfiles(Ids.parse(MISSING_SEGMENT_ID))
                      .list(PageParams.first())
                      .execute());

      assertThat(e.status()).isEqualTo(404);
      assertThat(e.path()).contains(MISSING_SEGMENT_ID);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact addProfileToSegment(PactDslWithProvider builder) {
    return builder
        .given(SEGMENT_EXISTS)
        .given(SHOPPER_PROFILE_EXISTS)
        .uponReceiving("add a shopper profile to a segment")
        .method("POST")
        .pathFromProviderState(PROFILES_OF_SEGMENT, EXAMPLE_PATH)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(profileIds())
        .willRespondWith()
        .status(201)
        .headers(jsonResponse())
        .body(
            writtenExactly(
                profile ->
                    profile.valueFromProviderState(
                        "id", expression(KEY_SHOPPER_PROFILE_ID), SHOPPER_PROFILE_ID)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addProfileToSegment")
  void addsAShopperProfileToASegment(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      ChunkedResult<ShopperProfile> result =
          client
              .segments()
              .shopperProfiles(Ids.parse(SEGMENT_ID))
              .add(List.of(Ids.parse(SHOPPER_PROFILE_ID)))
              .execute();

      assertThat(result.allSucceeded()).isTrue();
      assertThat(result.items())
          .extracting(ShopperProfile::getId)
          .containsExactly(Ids.parse(SHOPPER_PROFILE_ID));
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact addProfileAlreadyInSegment(PactDslWithProvider builder) {
    return builder
        .given(SHOPPER_PROFILE_IN_SEGMENT)
        .uponReceiving("add a shopper profile that is already in the segment")
        .method("POST")
        .pathFromProviderState(PROFILES_OF_SEGMENT, EXAMPLE_PATH)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(profileIds())
        .willRespondWith()
        .status(409)
        .headers(jsonResponse())
        .body(conflict("The shopper profile is already in the segment."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "addProfileAlreadyInSegment")
  void reportsAProfileAlreadyInTheSegmentAsAFailedChunk(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      ChunkedResult<ShopperProfile> result =
          client
              .segments()
              .shopperProfiles(Ids.parse(SEGMENT_ID))
              .add(List.of(Ids.parse(SHOPPER_PROFILE_ID)))
              .execute();

      assertThat(result.allSucceeded()).isFalse();
      assertThat(result.failedIds()).containsExactly(Ids.parse(SHOPPER_PROFILE_ID));
      assertThat(result.failed().get(0).failureCause()).containsInstanceOf(ConflictException.class);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact removeProfileFromSegment(PactDslWithProvider builder) {
    return builder
        .given(SHOPPER_PROFILE_TO_REMOVE)
        .uponReceiving("remove a shopper profile from a segment")
        .method("DELETE")
        .pathFromProviderState(PROFILES_OF_SEGMENT, EXAMPLE_PATH)
        .queryParameterFromProviderState(
            "id:in", expression(KEY_SHOPPER_PROFILE_ID), SHOPPER_PROFILE_ID)
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "removeProfileFromSegment")
  void removesAShopperProfileFromASegment(MockServer mockServer) {
    // No return value to check: Pact fails the test unless exactly the pact's request arrived. The
    // provider proves the effect: the state's teardown checks the profile left the segment (and
    // only it), and still exists.
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      client
          .segments()
          .shopperProfiles(Ids.parse(SEGMENT_ID))
          .remove(List.of(Ids.parse(SHOPPER_PROFILE_ID)))
          .execute()
          .orThrow();
    }
  }

  /** {@code ["<profile id>"]}, the id from the provider state. */
  private static PactDslJsonArray profileIds() {
    return new PactDslJsonArray()
        .valueFromProviderState(expression(KEY_SHOPPER_PROFILE_ID), SHOPPER_PROFILE_ID);
  }
}
