package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentIds;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.SegmentsValidationException;
import io.github.segmentskit.contract.SpecValidation;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based: the client accepts exactly the canonical 8-4-4-4-12 hex ids (an oracle written in
 * the test decides), what it accepts the spec accepts too (Atlassian's uuid check is laxer, so that
 * oracle works one way only), and what it rejects never reaches the wire.
 */
class IdValidationPropertiesTest {
  private static final String VALID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  private static final String TOKEN = "property-test-token";

  private static WireMockServer wm;
  private static SegmentsClient client;

  @BeforeContainer
  static void startWireMockAndClient() {
    wm = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
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

  @AfterContainer
  static void stop() {
    client.close();
    wm.stop();
  }

  @Provide
  Arbitrary<String> candidates() {
    return IdCandidates.any();
  }

  @Property(tries = 2_000)
  void acceptsExactlyTheCanonicalForm(@ForAll("candidates") String candidate) {
    boolean canonical = IdCandidates.isCanonical(candidate);
    Statistics.collect(canonical ? "canonical" : "not canonical");

    assertThat(SegmentIds.isCanonical(candidate)).isEqualTo(canonical);
    if (canonical) {
      assertThat(SegmentIds.parseOne("id", candidate).toString())
          .isEqualTo(candidate.toLowerCase(Locale.ROOT));
    } else {
      assertThatThrownBy(() -> SegmentIds.parseOne("id", candidate))
          .isInstanceOf(SegmentsValidationException.class)
          .hasMessageContaining("is not a canonical UUID");
    }
  }

  @Property(tries = 1_000)
  void anyStringIsJudgedLikeTheOracle(@ForAll String anything) {
    assertThat(SegmentIds.isCanonical(anything)).isEqualTo(IdCandidates.isCanonical(anything));
  }

  @Property(tries = 500)
  void idsTheClientAcceptsTheSpecAcceptsToo(@ForAll("candidates") String candidate) {
    boolean clientAccepts = SegmentIds.isCanonical(candidate);
    ValidationReport report = WireChecks.validateUpdateBody("[{\"id\":" + quote(candidate) + "}]");
    Statistics.collect(
        clientAccepts ? "client accepts" : "client rejects",
        report.hasErrors() ? "spec rejects" : "spec accepts");

    if (clientAccepts) {
      assertThat(report.hasErrors()).as("%s", report).isFalse();
    }
    if (report.hasErrors()) {
      assertThat(clientAccepts).isFalse();
    }
  }

  @Property(tries = 150)
  void rejectedIdsNeverReachTheWireAndAcceptedOnesPassTheSpec(
      @ForAll("candidates") String candidate) {
    boolean canonical = IdCandidates.isCanonical(candidate);
    List<Consumer<String>> calls =
        List.of(
            id -> client.listSegments(1, 50, List.of(VALID, id)),
            id -> client.deleteSegments(List.of(id)),
            id -> client.listSegmentShopperProfiles(id, 1, 50),
            id -> client.streamSegmentShopperProfiles(id).count(),
            id -> client.addShopperProfilesToSegment(id, List.of(VALID)),
            id -> client.addShopperProfilesToSegment(VALID, List.of(VALID, id)),
            id -> client.removeShopperProfilesFromSegment(id, List.of(VALID)),
            id -> client.removeShopperProfilesFromSegment(VALID, List.of(id)),
            id -> client.deleteShopperProfiles(List.of(id)),
            id -> client.listShopperProfileSegments(id, 1, 50),
            id -> client.streamShopperProfileSegments(id).count());

    for (Consumer<String> call : calls) {
      wm.resetRequests();
      if (canonical) {
        call.accept(candidate);
        List<LoggedRequest> sent = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(sent).hasSize(1);
        String lower = candidate.toLowerCase(Locale.ROOT);
        assertThat(sent.get(0).getUrl() + new String(sent.get(0).getBody()))
            .as("the id goes out in canonical lower case")
            .contains(lower);
        ValidationReport report = WireChecks.validate(sent.get(0));
        assertThat(report.hasErrors()).as("%s %s", sent.get(0).getUrl(), report).isFalse();
      } else {
        assertThatThrownBy(() -> call.accept(candidate))
            .isInstanceOf(SegmentsValidationException.class);
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
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
