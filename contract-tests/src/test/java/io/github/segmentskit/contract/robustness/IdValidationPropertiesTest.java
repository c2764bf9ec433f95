package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.segmentskit.contract.robustness.Gen.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.contract.SpecValidation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random inputs (fixed seeds, reproducible; see {@link Tries}): the client accepts exactly
 * the canonical 8-4-4-4-12 hex ids (an oracle written in the test decides), what it accepts the
 * spec accepts too (Atlassian's uuid check is laxer, so that oracle works one way only), and what
 * it rejects never reaches the wire.
 */
class IdValidationPropertiesTest {
  private static final UUID VALID = Ids.parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  private static final String TOKEN = "property-test-token";

  private static WireMockServer wm;
  private static SegmentsClient client;

  @BeforeAll
  static void startWireMockAndClient() {
    wm =
        new WireMockServer(
            wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true));
    wm.start();
    String collection =
        "{\"data\":[],\"meta\":{\"pagination\":{\"total\":0,\"count\":0,\"per_page\":50,"
            + "\"current_page\":1,\"total_pages\":1}}}";
    wm.stubFor(get(anyUrl()).willReturn(json(200, collection)));
    wm.stubFor(post(anyUrl()).willReturn(json(201, "{\"data\":[]}")));
    wm.stubFor(delete(anyUrl()).willReturn(aResponse().withStatus(204)));
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void acceptsExactlyTheCanonicalForm(long seed) {
    Tries.run(
        seed,
        500,
        IdCandidates.any(),
        candidate -> {
          boolean canonical = IdCandidates.isCanonical(candidate);
          assertThat(Ids.isCanonical(candidate))
              .as("Ids.isCanonical, against the oracle")
              .isEqualTo(canonical);
          if (canonical) {
            assertThat(Ids.parse(candidate).toString())
                .isEqualTo(candidate.toLowerCase(Locale.ROOT));
          } else {
            assertThatThrownBy(() -> Ids.parse(candidate))
                .isInstanceOf(SegmentsValidationException.class)
                .hasMessageContaining("is not a canonical UUID");
          }
          return canonical;
        });
  }

  /** Any Unicode string, with a few canonical ids mixed in so that both verdicts come up. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void anyStringIsJudgedLikeTheOracle(long seed) {
    Gen<String> anything =
        Gen.frequency(
            weighted(9, Gen.unicodeStrings(0, 255)), weighted(1, IdCandidates.canonical()));
    Tries.run(
        seed,
        250,
        anything,
        candidate -> {
          boolean canonical = IdCandidates.isCanonical(candidate);
          assertThat(Ids.isCanonical(candidate))
              .as("Ids.isCanonical, against the oracle")
              .isEqualTo(canonical);
          return canonical;
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void idsTheClientAcceptsTheSpecAcceptsToo(long seed) {
    AtomicInteger specRejects = new AtomicInteger();
    Tries.run(
        seed,
        125,
        IdCandidates.any(),
        candidate -> {
          boolean clientAccepts = Ids.isCanonical(candidate);
          ValidationReport report =
              WireChecks.validateUpdateBody("[{\"id\":" + quote(candidate) + "}]");
          if (report.hasErrors()) {
            specRejects.incrementAndGet();
          }
          if (clientAccepts) {
            assertThat(report.hasErrors()).as("%s", report).isFalse();
          }
          if (report.hasErrors()) {
            assertThat(clientAccepts).isFalse();
          }
          return clientAccepts;
        });
    assertThat(specRejects)
        .as("seed %d: candidates the spec validator rejected", seed)
        .hasPositiveValue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource(Tries.SEEDS)
  void rejectedIdsNeverReachTheWireAndAcceptedOnesPassTheSpec(long seed) {
    // Ids arrive as text, go through the strict parser, then as UUIDs into the calls.
    List<Call> calls =
        List.of(
            new Call(
                "segments().list(ids)",
                id -> client.segments().list(PageParams.first(), List.of(VALID, id)).execute()),
            new Call("segments().delete", id -> client.segments().delete(List.of(id)).execute()),
            new Call(
                "segments().shopperProfiles(id).list",
                id -> client.segments().shopperProfiles(id).list(PageParams.first()).execute()),
            new Call(
                "segments().shopperProfiles(id).stream",
                id -> client.segments().shopperProfiles(id).stream().count()),
            new Call(
                "segments().shopperProfiles(id).add (segment)",
                id -> client.segments().shopperProfiles(id).add(List.of(VALID)).execute()),
            new Call(
                "segments().shopperProfiles(id).add (profile)",
                id -> client.segments().shopperProfiles(VALID).add(List.of(VALID, id)).execute()),
            new Call(
                "segments().shopperProfiles(id).remove (segment)",
                id -> client.segments().shopperProfiles(id).remove(List.of(VALID)).execute()),
            new Call(
                "segments().shopperProfiles(id).remove (profile)",
                id -> client.segments().shopperProfiles(VALID).remove(List.of(id)).execute()),
            new Call(
                "shopperProfiles().delete",
                id -> client.shopperProfiles().delete(List.of(id)).execute()),
            new Call(
                "shopperProfiles().segments(id).list",
                id -> client.shopperProfiles().segments(id).list(PageParams.first()).execute()),
            new Call(
                "shopperProfiles().segments(id).stream",
                id -> client.shopperProfiles().segments(id).stream().count()));
    Tries.run(
        seed,
        40,
        IdCandidates.any(),
        candidate -> {
          boolean canonical = IdCandidates.isCanonical(candidate);
          for (Call call : calls) {
            call.check(candidate, canonical);
          }
          return canonical;
        });
  }

  /** A client call that takes an id, named for failure messages; the text goes through Ids. */
  private record Call(String name, Consumer<UUID> send) {
    void check(String candidate, boolean canonical) {
      wm.resetRequests();
      if (canonical) {
        send.accept(Ids.parse(candidate));
        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).as("%s: requests sent", name).hasSize(1);
        String lower = candidate.toLowerCase(Locale.ROOT);
        assertThat(sent.get(0).getUrl() + new String(sent.get(0).getBody()))
            .as("%s: the id goes out in canonical lower case", name)
            .contains(lower);
        ValidationReport report = WireChecks.validate(sent.get(0));
        assertThat(report.hasErrors())
            .as("%s: %s %s", name, sent.get(0).getUrl(), report)
            .isFalse();
      } else {
        assertThatThrownBy(() -> send.accept(Ids.parse(candidate)))
            .as("%s", name)
            .isInstanceOf(SegmentsValidationException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("%s: requests sent", name).isEmpty();
      }
    }
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
