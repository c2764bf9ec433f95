package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.ProviderStates.EVERY_SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_NAME;
import static io.github.segmentskit.contract.pact.ProviderStates.NO_SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_EXISTS;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAME;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAMED;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_TO_DELETE;
import static io.github.segmentskit.contract.pact.ProviderStates.STORE_HAS_1000_SEGMENTS;
import static io.github.segmentskit.contract.pact.ProviderStates.TWO_SEGMENTS_EXIST;
import static io.github.segmentskit.contract.pact.ProviderStates.expression;
import static io.github.segmentskit.contract.pact.consumer.ConsumerClients.client;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.BASE;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.anySegment;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.conflict;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.error;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.jsonResponse;
import static io.github.segmentskit.contract.pact.consumer.ContractBodies.page;
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
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.Page;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RateLimitHeaders;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.ForbiddenException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code /segments} operations as {@link SegmentsClient} calls them, and their errors. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class SegmentsConsumerPactTest {
  private static final String SEGMENTS = BASE + "/segments";
  private static final String DESCRIPTION = "Customers who order by the case, every month.";

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listSegments(PactDslWithProvider builder) {
    return builder
        .given(SEGMENT_EXISTS)
        .uponReceiving("list the first page of segments")
        .method("GET")
        .path(SEGMENTS)
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(200)
        .headers(jsonResponse())
        .body(page(anySegment()))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSegments")
  void listsSegments(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      Page<Segment> page = client.segments().list(PageParams.first()).execute();

      assertThat(page.items()).hasSize(1);
      assertThat(page.items().get(0).getId()).isEqualTo(Ids.parse(SEGMENT_ID));
      assertThat(page.pagination().getPerPage()).isEqualTo(50);
      assertThat(page.hasNext()).isFalse();
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listSegmentsById(PactDslWithProvider builder) {
    return builder
        .given(TWO_SEGMENTS_EXIST)
        .uponReceiving("list the segments with given ids")
        .method("GET")
        .path(SEGMENTS)
        .query("page=1&limit=50")
        .queryParameterFromProviderState("id:in", expression(KEY_SEGMENT_ID), SEGMENT_ID)
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(200)
        .headers(jsonResponse())
        .body(pageOfExactly(KEY_SEGMENT_ID, SEGMENT_ID))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSegmentsById")
  void listsSegmentsById(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      Page<Segment> page =
          client.segments().list(PageParams.first(), List.of(Ids.parse(SEGMENT_ID))).execute();

      assertThat(page.items()).extracting(Segment::getId).containsExactly(Ids.parse(SEGMENT_ID));
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact createSegment(PactDslWithProvider builder) {
    return builder
        .given(NO_SEGMENT_NAMED)
        .uponReceiving("create a segment")
        .method("POST")
        .path(SEGMENTS)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(newSegmentBody())
        .willRespondWith()
        .status(201)
        .headers(jsonResponse())
        .body(
            writtenExactly(
                segment ->
                    segment
                        .uuid("id", SEGMENT_ID)
                        .valueFromProviderState(
                            "name", expression(KEY_SEGMENT_NAME), SEGMENT_NAME)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSegment")
  void createsASegment(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      List<Segment> created =
          client.segments().create(List.of(new SegmentPost().name(SEGMENT_NAME))).execute();

      assertThat(created).extracting(Segment::getName).containsExactly(SEGMENT_NAME);
      assertThat(created.get(0).getId()).isNotNull();
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact createSegmentWithTakenName(PactDslWithProvider builder) {
    return builder
        .given(SEGMENT_NAMED)
        .uponReceiving("create a segment with a name already in use")
        .method("POST")
        .path(SEGMENTS)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(newSegmentBody())
        .willRespondWith()
        .status(409)
        .headers(jsonResponse())
        .body(conflict("Cannot have multiple segments with the same name."))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSegmentWithTakenName")
  void mapsADuplicateNameToConflictException(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      List<SegmentPost> segments = List.of(new SegmentPost().name(SEGMENT_NAME));

      ConflictException e =
          assertThrows(ConflictException.class, () -> client.segments().create(segments).execute());

      assertThat(e.status()).isEqualTo(409);
      assertThat(e.itemErrors()).hasSize(1);
      assertThat(e.failed()).contains(1);
      assertThat(e.succeeded()).contains(0);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact createSegmentInFullStore(PactDslWithProvider builder) {
    return builder
        .given(STORE_HAS_1000_SEGMENTS)
        .uponReceiving("create a segment when the store has 1000 segments")
        .method("POST")
        .path(SEGMENTS)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(newSegmentBody())
        .willRespondWith()
        .status(403)
        .headers(jsonResponse())
        .body(error(403, "Platform limit reached"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSegmentInFullStore")
  void mapsTheSegmentCapToForbiddenException(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      List<SegmentPost> segments = List.of(new SegmentPost().name(SEGMENT_NAME));

      ForbiddenException e =
          assertThrows(
              ForbiddenException.class, () -> client.segments().create(segments).execute());

      assertThat(e.status()).isEqualTo(403);
      assertThat(e.operationId()).isEqualTo("SegmentsPostRequest");
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact createSegmentWithReadOnlyToken(PactDslWithProvider builder) {
    return builder
        .given(NO_SEGMENT_NAMED)
        .uponReceiving("create a segment with a read-only token")
        .method("POST")
        .path(SEGMENTS)
        .headers(writeHeaders(Pacts.READ_ONLY_TOKEN))
        .body(newSegmentBody())
        .willRespondWith()
        .status(403)
        .headers(jsonResponse())
        .body(error(403, "You don't have a required scope to access the endpoint"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSegmentWithReadOnlyToken")
  void mapsAMissingScopeToForbiddenException(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.READ_ONLY_TOKEN)) {
      List<SegmentPost> segments = List.of(new SegmentPost().name(SEGMENT_NAME));

      ForbiddenException e =
          assertThrows(
              ForbiddenException.class, () -> client.segments().create(segments).execute());

      assertThat(e.status()).isEqualTo(403);
      assertThat(e.getMessage()).doesNotContain(Pacts.READ_ONLY_TOKEN);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact updateSegment(PactDslWithProvider builder) {
    return builder
        .given(SEGMENT_EXISTS)
        .uponReceiving("update the description of a segment")
        .method("PUT")
        .path(SEGMENTS)
        .headers(writeHeaders(Pacts.MODIFY_TOKEN))
        .body(
            new PactDslJsonArray()
                .object()
                .valueFromProviderState("id", expression(KEY_SEGMENT_ID), SEGMENT_ID)
                .stringValue("description", DESCRIPTION)
                .closeObject())
        .willRespondWith()
        // 201 (BigCommerce's reference) or 200 (also documented): a status matcher, see docs
        .statusCodes(List.of(201, 200))
        .headers(jsonResponse())
        .body(
            writtenExactly(
                segment ->
                    segment
                        .valueFromProviderState("id", expression(KEY_SEGMENT_ID), SEGMENT_ID)
                        .stringValue("description", DESCRIPTION)))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateSegment")
  void updatesASegment(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      List<Segment> updated =
          client
              .segments()
              .update(List.of(new SegmentPut().id(Ids.parse(SEGMENT_ID)).description(DESCRIPTION)))
              .execute();

      assertThat(updated).extracting(Segment::getDescription).containsExactly(DESCRIPTION);
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact deleteSegment(PactDslWithProvider builder) {
    return builder
        .given(SEGMENT_TO_DELETE)
        .uponReceiving("delete a segment by id")
        .method("DELETE")
        .path(SEGMENTS)
        .queryParameterFromProviderState("id:in", expression(KEY_SEGMENT_ID), SEGMENT_ID)
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteSegment")
  void deletesASegmentById(MockServer mockServer) {
    // No return value to check: Pact fails the test unless exactly the pact's request arrived. The
    // provider proves the effect: the state's teardown checks the segment is gone, the other kept.
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      client.segments().delete(List.of(Ids.parse(SEGMENT_ID))).execute().orThrow();
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact deleteAllSegments(PactDslWithProvider builder) {
    return builder
        .given(EVERY_SEGMENT_TO_DELETE)
        .uponReceiving("delete every segment of the store (no id:in)")
        .method("DELETE")
        .path(SEGMENTS)
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(204)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteAllSegments")
  void deletesEverySegmentOnlyWhenAskedByName(MockServer mockServer) {
    // No return value to check: Pact fails the test unless exactly the pact's request arrived. The
    // provider proves the effect: the state's teardown checks that no segment is left.
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      client.segments().deleteAll().execute();
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listSegmentsWithInvalidToken(PactDslWithProvider builder) {
    return builder
        .uponReceiving("list segments with an invalid token")
        .method("GET")
        .path(SEGMENTS)
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.INVALID_TOKEN))
        .willRespondWith()
        .status(401)
        .headers(jsonResponse())
        .body(error(401, "Unauthorized"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSegmentsWithInvalidToken")
  void mapsAnInvalidTokenToUnauthorizedException(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.INVALID_TOKEN)) {
      UnauthorizedException e =
          assertThrows(
              UnauthorizedException.class,
              () -> client.segments().list(PageParams.first()).execute());

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.operationId()).isEqualTo("GetPaginatedSegmentsList");
    }
  }

  @Pact(consumer = Pacts.CONSUMER)
  V4Pact listSegmentsWhenRateLimited(PactDslWithProvider builder) {
    return builder
        .given(RATE_LIMIT_USED_UP)
        .uponReceiving("list segments when the store's rate limit is used up")
        .method("GET")
        .path(SEGMENTS)
        .query("page=1&limit=50")
        .headers(readHeaders(Pacts.MODIFY_TOKEN))
        .willRespondWith()
        .status(429)
        .headers(jsonResponse())
        .matchHeader("X-Rate-Limit-Time-Window-Ms", "\\d+", "30000")
        .matchHeader("X-Rate-Limit-Time-Reset-Ms", "\\d+", "1000")
        .matchHeader("X-Rate-Limit-Requests-Quota", "\\d+", "150")
        .matchHeader("X-Rate-Limit-Requests-Left", "\\d+", "0")
        .body(error(429, "Too many requests"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "listSegmentsWhenRateLimited")
  void mapsA429ToRateLimitedExceptionWithTheResetTime(MockServer mockServer) {
    try (SegmentsClient client = client(mockServer, Pacts.MODIFY_TOKEN)) {
      RateLimitedException e =
          assertThrows(
              RateLimitedException.class,
              () -> client.segments().list(PageParams.first()).execute());

      assertThat(e.status()).isEqualTo(429);
      assertThat(e.resetAfter()).contains(Duration.ofMillis(1000));
      assertThat(RateLimitHeaders.from(e.headers()).requestsLeft()).hasValue(0);
      assertThat(RateLimitHeaders.from(e.headers()).requestsQuota()).hasValue(150);
    }
  }

  /** {@code [{"name": ...}]}: the name comes from the provider state (a live store prefixes it). */
  private static PactDslJsonArray newSegmentBody() {
    return (PactDslJsonArray)
        new PactDslJsonArray()
            .object()
            .valueFromProviderState("name", expression(KEY_SEGMENT_NAME), SEGMENT_NAME)
            .closeObject();
  }
}
