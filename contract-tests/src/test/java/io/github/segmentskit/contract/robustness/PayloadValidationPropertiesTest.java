package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.robustness.Gen.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.contract.SpecValidation;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random inputs (fixed seeds, reproducible; see {@link Tries}): random segment and
 * shopper-profile payloads. The client's verdict matches an oracle written from the spec's rules
 * (non-empty array, no null items, the required field present, {@code minLength}/{@code minimum});
 * what it accepts goes out as requests the spec validator passes; what it rejects never reaches the
 * wire.
 */
class PayloadValidationPropertiesTest {
  private static final String TOKEN = "payload-property-token";
  private static final String SEGMENT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  private static WireMockServer wm;
  private static SegmentsClient client;

  @BeforeAll
  static void startWireMockAndClient() {
    wm =
        new WireMockServer(
            wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
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

  @AfterAll
  static void stop() {
    client.close();
    wm.stop();
  }

  private static Gen<List<SegmentPut>> segmentPuts() {
    Gen<UUID> ids = Gen.uuids().orNull(0.1);
    Gen<String> texts = texts();
    Gen<SegmentPut> put =
        random ->
            new SegmentPut()
                .id(ids.next(random))
                .name(texts.next(random))
                .description(texts.next(random));
    return put.orNull(0.05).list(0, 4);
  }

  private static Gen<List<SegmentPost>> segmentPosts() {
    Gen<String> texts = texts();
    Gen<SegmentPost> post =
        random -> new SegmentPost().name(texts.next(random)).description(texts.next(random));
    return post.orNull(0.05).list(0, 4);
  }

  private static Gen<List<ShopperProfilePost>> profilePosts() {
    Gen<Long> customerIds =
        Gen.<Long>oneOf(
                Gen.longs(-5, 5),
                Gen.longs(1, Long.MAX_VALUE),
                Gen.elementOf(Long.MIN_VALUE, Long.MAX_VALUE, (long) Integer.MAX_VALUE + 1))
            .orNull(0.1);
    return customerIds.map(id -> new ShopperProfilePost().customerId(id)).orNull(0.05).list(0, 4);
  }

  /** Lists of up to 130 ids (three chunks): all canonical, or with a near miss now and then. */
  private static Gen<List<String>> profileIds() {
    Gen<String> mostlyCanonical =
        Gen.frequency(
            weighted(20, IdCandidates.canonical()), weighted(1, IdCandidates.nearMisses()));
    return Gen.frequency(
        weighted(1, IdCandidates.canonical().list(0, 130)),
        weighted(1, mostlyCanonical.list(0, 130)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void segmentUpdatesTheClientAcceptsPassTheSpec(long seed) {
    Tries.run(
        seed,
        75,
        segmentPuts(),
        puts -> {
          boolean valid =
              !puts.isEmpty() && puts.stream().allMatch(put -> put != null && put.getId() != null);
          return checkVerdict(valid, () -> client.segments().update(puts).execute(), 1);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void segmentCreatesTheClientAcceptsPassTheSpec(long seed) {
    Tries.run(
        seed,
        75,
        segmentPosts(),
        posts -> {
          boolean valid =
              !posts.isEmpty()
                  && posts.stream()
                      .allMatch(
                          post ->
                              post != null && post.getName() != null && !post.getName().isEmpty());
          return checkVerdict(valid, () -> client.segments().create(posts).execute(), 1);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void profileCreatesTheClientAcceptsPassTheSpec(long seed) {
    Tries.run(
        seed,
        75,
        profilePosts(),
        posts -> {
          boolean valid =
              !posts.isEmpty()
                  && posts.stream()
                      .allMatch(
                          post ->
                              post != null
                                  && post.getCustomerId() != null
                                  && post.getCustomerId() >= 1);
          return checkVerdict(valid, () -> client.shopperProfiles().create(posts).execute(), 1);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void addsTheClientAcceptsGoOutInSpecSizedChunks(long seed) {
    AtomicInteger mostChunks = new AtomicInteger();
    Tries.run(
        seed,
        25,
        profileIds(),
        ids -> {
          boolean valid = !ids.isEmpty() && ids.stream().allMatch(IdCandidates::isCanonical);
          int chunks = (ids.size() + 49) / 50;
          if (valid) {
            mostChunks.accumulateAndGet(chunks, Math::max);
          }
          return checkVerdict(
              valid,
              () -> {
                ChunkedResult<ShopperProfile> result =
                    client
                        .segments()
                        .shopperProfiles(Ids.parse(SEGMENT))
                        .add(Ids.parseAll(ids))
                        .execute();
                assertThat(result.allSucceeded()).isTrue();
                assertThat(result.chunks()).hasSize(chunks);
              },
              chunks);
        });
    assertThat(mostChunks).as("seed %d: most chunks of an accepted add", seed).hasValue(3);
  }

  /** A control: the spec validator does reject bad bodies, so its silence above means something. */
  @Test
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

  /**
   * Checks the client's verdict on a payload: a rejected one sends nothing; an accepted one sends
   * {@code requests} requests, each passing the spec validator. Returns {@code valid}.
   */
  private static boolean checkVerdict(boolean valid, Runnable call, int requests) {
    wm.resetRequests();
    if (!valid) {
      assertThatThrownBy(call::run).isInstanceOf(SegmentsValidationException.class);
      assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests sent").isEmpty();
      return false;
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
    return true;
  }

  /** Null, empty, blank, short ASCII, any Unicode, or long. */
  private static Gen<String> texts() {
    return Gen.<String>oneOf(
            Gen.elementOf("", " ", "\t", "\"quoted\"", "back\\slash", "Ünïcödé ✓ 🚀", "null"),
            Gen.strings(ALPHA + DIGITS, 0, 20),
            Gen.unicodeStrings(0, 30),
            Gen.strings(ALPHA, 200, 1_000))
        .orNull(0.15);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
