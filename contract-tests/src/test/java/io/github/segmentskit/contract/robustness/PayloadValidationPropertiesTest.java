package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.SegmentsValidationException;
import io.github.segmentskit.contract.SpecValidation;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based: random segment and shopper-profile payloads. The client's verdict matches an
 * oracle written from the spec's rules (non-empty array, no null items, the required field present,
 * {@code minLength}/{@code minimum}); what it accepts goes out as requests the spec validator
 * passes; what it rejects never reaches the wire.
 */
class PayloadValidationPropertiesTest {
  private static final String TOKEN = "payload-property-token";
  private static final String SEGMENT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  private static WireMockServer wm;
  private static SegmentsClient client;

  @BeforeContainer
  static void startWireMockAndClient() {
    wm = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
    wm.start();
    wm.stubFor(put(anyUrl()).willReturn(json(201, "{\"data\":[],\"meta\":{}}")));
    wm.stubFor(post(anyUrl()).willReturn(json(201, "{\"data\":[],\"meta\":{}}")));
    client =
        SegmentsClient.builder()
            .storeHash(SpecValidation.STORE_HASH)
            .accessToken(TOKEN)
            .baseUri(URI.create(wm.baseUrl() + SpecValidation.BASE_PATH))
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterContainer
  static void stop() {
    client.close();
    wm.stop();
  }

  @Provide
  Arbitrary<List<SegmentPut>> segmentPuts() {
    Arbitrary<SegmentPut> put =
        Combinators.combine(uuids().injectNull(0.1), texts(), texts())
            .as(
                (id, name, description) ->
                    new SegmentPut().id(id).name(name).description(description));
    return put.injectNull(0.05).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<SegmentPost>> segmentPosts() {
    Arbitrary<SegmentPost> post =
        Combinators.combine(texts(), texts())
            .as((name, description) -> new SegmentPost().name(name).description(description));
    return post.injectNull(0.05).list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<ShopperProfilePost>> profilePosts() {
    Arbitrary<Long> customerIds =
        Arbitraries.oneOf(
                Arbitraries.longs().between(-5, 5),
                Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1))
            .injectNull(0.1);
    return customerIds
        .map(id -> new ShopperProfilePost().customerId(id))
        .injectNull(0.05)
        .list()
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> profileIds() {
    Arbitrary<String> id =
        Arbitraries.frequencyOf(
            Tuple.of(20, IdCandidates.canonical()), Tuple.of(1, IdCandidates.nearMisses()));
    return id.list().ofMaxSize(130);
  }

  @Property(tries = 300)
  void segmentUpdatesTheClientAcceptsPassTheSpec(@ForAll("segmentPuts") List<SegmentPut> puts) {
    boolean valid =
        !puts.isEmpty() && puts.stream().allMatch(put -> put != null && put.getId() != null);
    checkVerdict(valid, () -> client.updateSegments(puts), 1);
  }

  @Property(tries = 300)
  void segmentCreatesTheClientAcceptsPassTheSpec(@ForAll("segmentPosts") List<SegmentPost> posts) {
    boolean valid =
        !posts.isEmpty()
            && posts.stream()
                .allMatch(
                    post -> post != null && post.getName() != null && !post.getName().isEmpty());
    checkVerdict(valid, () -> client.createSegments(posts), 1);
  }

  @Property(tries = 300)
  void profileCreatesTheClientAcceptsPassTheSpec(
      @ForAll("profilePosts") List<ShopperProfilePost> posts) {
    boolean valid =
        !posts.isEmpty()
            && posts.stream()
                .allMatch(
                    post ->
                        post != null && post.getCustomerId() != null && post.getCustomerId() >= 1);
    checkVerdict(valid, () -> client.createShopperProfiles(posts), 1);
  }

  @Property(tries = 100)
  void addsTheClientAcceptsGoOutInSpecSizedChunks(@ForAll("profileIds") List<String> ids) {
    boolean valid = !ids.isEmpty() && ids.stream().allMatch(IdCandidates::isCanonical);
    int chunks = (ids.size() + 49) / 50;
    checkVerdict(
        valid,
        () -> {
          ChunkedResult<ShopperProfile> result = client.addShopperProfilesToSegment(SEGMENT, ids);
          assertThat(result.allSucceeded()).isTrue();
          assertThat(result.chunks()).hasSize(chunks);
        },
        chunks);
  }

  /** A control: the spec validator does reject bad bodies, so its silence above means something. */
  @Example
  void theSpecValidatorRejectsBodiesThatBreakTheSpec() {
    assertThat(WireChecks.validateUpdateBody("[]").hasErrors()).as("minItems").isTrue();
    assertThat(WireChecks.validateUpdateBody("[{\"name\":\"x\"}]").hasErrors()).as("id").isTrue();
    assertThat(
            WireChecks.validateUpdateBody("[{\"id\":\"" + SEGMENT + "\",\"name\":5}]").hasErrors())
        .as("name type")
        .isTrue();
    assertThat(WireChecks.validateUpdateBody("[{\"id\":\"" + SEGMENT + "\"}]").hasErrors())
        .as("a valid body")
        .isFalse();
  }

  private static void checkVerdict(boolean valid, Runnable call, int requests) {
    Statistics.collect(valid ? "accepted" : "rejected");
    wm.resetRequests();
    if (!valid) {
      assertThatThrownBy(call::run).isInstanceOf(SegmentsValidationException.class);
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
      return;
    }
    call.run();
    List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(requests);
    for (LoggedRequest request : sent) {
      ValidationReport report = WireChecks.validate(request);
      assertThat(report.hasErrors())
          .as("%s %s%n%s", request.getMethod(), request.getBodyAsString(), report)
          .isFalse();
    }
  }

  private static Arbitrary<UUID> uuids() {
    return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()));
  }

  /** Null, empty, blank, short ASCII, any Unicode, or long. */
  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
            Arbitraries.of("", " ", "\t", "\"quoted\"", "back\\slash", "Ünïcödé ✓ 🚀", "null"),
            Arbitraries.strings().alpha().numeric().ofMaxLength(20),
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(1_000))
        .injectNull(0.15);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
