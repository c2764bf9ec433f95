package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_HAS_NO_SHOPPER_PROFILE;
import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_CUSTOMER_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.expression;
import static io.github.segmentskit.contract.pact.consumer.ConsumerClients.client;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.BASE;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.anyShopperProfile;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.jsonResponse;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.page;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.pageOfExactly;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.readHeaders;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.writeHeaders;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.writtenExactly;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.Page;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /shopper-profiles}: the store's shopper profiles and the segments of one. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class ShopperProfilesConsumerPactTest {
  private static final String PROFILES = BASE + "/shopper-profiles";

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listShopperProfiles(PactDslWithProvider builder) {
    return builder
        .given(SHOPPER_PROFILE_EXISTS)
        .uponReceiving("list the first page of shopper profiles")
        .method("GET")
        .path(PROFILES)
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(200)
        .headers(jsonResponse())
        .body(page(anyShopperProfile()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listShopperProfiles")
  void listsShopperProfiles(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      Page<ShopperProfile> page = client.shopperProfiles().list(PageParams.first()).execute();

      assertThat(page.items())
          .extracting(ShopperProfile::getId)
          .containsExactly(Ids.parse(SHOPPER_PROFILE_ID));
      assertThat(page.pagination().getTotal()).isEqualTo(1);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact createShopperProfile(PactDslWithProvider builder) {
    return builder
        .given(CUSTOMER_HAS_NO_SHOPPER_PROFILE)
        .uponReceiving("create a shopper profile for a customer")
        .method("POST")
        .path(PROFILES)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(
            new PactDslJsonArray()
                .object()
                .valueFromProviderState("customer_id", expression(KEY_CUSTOMER_ID), CUSTOMER_ID)
                .closeObject())
        .willRespondWith()
        .status(201)
        .headers(jsonResponse())
        .body(
            writtenExactly(
                profile ->
                    profile
                        .uuid("id", SHOPPER_PROFILE_ID)
                        .valueFromProviderState(
                            "customer_id", expression(KEY_CUSTOMER_ID), CUSTOMER_ID)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createShopperProfile")
  void createsAShopperProfile(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      List<ShopperProfile> created =
          client
              .shopperProfiles()
              .create(List.of(new ShopperProfilePost().customerId(CUSTOMER_ID)))
              .execute();

      assertThat(created).extracting(ShopperProfile::getCustomerId).containsExactly(CUSTOMER_ID);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact deleteShopperProfile(PactDslWithProvider builder) {
    return builder
        .given(SHOPPER_PROFILE_TO_DELETE)
        .uponReceiving("delete a shopper profile by id")
        .method("DELETE")
        .path(PROFILES)
        .queryParameterFromProviderState(
            "id:in", expression(KEY_SHOPPER_PROFILE_ID), SHOPPER_PROFILE_ID)
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteShopperProfile")
  void deletesAShopperProfileById(MockServer mockServer) {
    // No return value to check: Pact fails the test unless exactly the pact's request arrived. The
    // provider proves the effect: the state's teardown checks the profile is gone, the other kept.
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      client.shopperProfiles().delete(List.of(Ids.parse(SHOPPER_PROFILE_ID))).execute().orThrow();
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listSegmentsOfProfile(PactDslWithProvider builder) {
    return builder
        .given(SHOPPER_PROFILE_IN_ONE_OF_TWO_SEGMENTS)
        .uponReceiving("list the segments of a shopper profile")
        .method("GET")
        .pathFromProviderState(
            PROFILES + "/" + expression(KEY_SHOPPER_PROFILE_ID) + "/segments",
            PROFILES + "/" + SHOPPER_PROFILE_ID + "/segments")
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(200)
        .headers(jsonResponse())
        .body(pageOfExactly(KEY_SEGMENT_ID, SEGMENT_ID))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSegmentsOfProfile")
  void listsTheSegmentsOfAShopperProfile(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      Page<Segment> page =
          client
              .shopperProfiles()
              .segments(Ids.parse(SHOPPER_PROFILE_ID))
              .list(PageParams.first())
              .execute();

      assertThat(page.items()).extracting(Segment::getId).containsExactly(Ids.parse(SEGMENT_ID));
    }
  }
}
