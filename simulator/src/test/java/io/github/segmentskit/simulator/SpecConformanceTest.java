package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs a scripted session over all eleven operations and the error statuses, and checks every
 * response (and every request meant to be valid) against the spec with Atlassian's validator.
 */
class SpecConformanceTest {

  private static final String STORE = "abc123";

  /**
   * Requests sent on purpose against the spec (bad ids, empty arrays ...): response checks only.
   */
  private final List<TestHttp.Exchange> invalidRequests = new ArrayList<>();

  @Test
  void everyResponseIsValidAgainstTheSpec() throws Exception {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(spec().toUri().toString())
            .withBasePathOverride("/stores/" + STORE + "/v3")
            .build();
    List<TestHttp.Exchange> exchanges = new ArrayList<>();
    try (SegmentsSimulator simulator =
            SegmentsSimulator.builder().readOnlyTokens("reader").build().start();
        SegmentsSimulator slow =
            SegmentsSimulator.builder().latency(Duration.ofMillis(100)).build().start()) {
      TestHttp http = TestHttp.to(simulator.baseUri(STORE));
      script(http, simulator.store(STORE));
      TestHttp slowHttp = TestHttp.to(slow.baseUri(STORE));
      race(slowHttp, 20); // 20 at once, 100 ms each: some get 429
      exchanges.addAll(http.exchanges());
      exchanges.addAll(slowHttp.exchanges());
      assertThat(simulator.metrics().requestsByOperation().values()).allMatch(count -> count > 0);
      assertThat(slow.metrics().tooManyRequests()).isPositive();
    }

    List<String> failures = new ArrayList<>();
    for (TestHttp.Exchange exchange : exchanges) {
      ValidationReport report =
          invalidRequests.contains(exchange)
              ? validator.validateResponse(
                  pathOf(exchange), Request.Method.valueOf(exchange.method()), response(exchange))
              : validator.validate(request(exchange), response(exchange));
      if (report.hasErrors()) {
        failures.add(
            exchange.method()
                + " "
                + exchange.pathAndQuery()
                + " -> "
                + exchange.response().status()
                + ": "
                + report.getMessages());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(exchanges.stream().map(e -> e.response().status()).collect(Collectors.toSet()))
        .containsAll(List.of(200, 201, 204, 400, 401, 403, 404, 409, 413, 422, 429));
  }

  @Test
  void theValidatorRejectsABodyThatBreaksTheSpec() {
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForSpecificationUrl(spec().toUri().toString())
            .withBasePathOverride("/stores/" + STORE + "/v3")
            .build();
    SimpleResponse broken =
        new SimpleResponse.Builder(200)
            .withContentType("application/json")
            .withBody("{\"data\":[{\"id\":\"1-1-1-1-1\",\"created_at\":\"yesterday\"}]}")
            .build();
    SimpleResponse undocumented =
        new SimpleResponse.Builder(418).withContentType("application/json").withBody("{}").build();

    assertThat(
            validator
                .validateResponse("/stores/abc123/v3/segments", Request.Method.GET, broken)
                .hasErrors())
        .isTrue();
    assertThat(
            validator
                .validateResponse("/stores/abc123/v3/segments", Request.Method.GET, undocumented)
                .hasErrors())
        .isTrue();
  }

  private void script(TestHttp http, SimulatedStore store) throws Exception {
    // Segments: create, conflict, list, filter, update, errors.
    String segmentA =
        http.post("/segments", "[{\"name\":\"A\",\"description\":\"first\"}]")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    String segmentB =
        http.post("/segments", "[{\"name\":\"B\"},{\"name\":\"C\"}]")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    http.post("/segments", "[{\"name\":\"A\"},{\"name\":\"D\"}]"); // 409, partly written
    http.get("/segments");
    http.get("/segments?page=2&limit=2");
    http.get("/segments?id:in=" + segmentA + "," + segmentB);
    http.put("/segments", "[{\"id\":\"" + segmentA + "\",\"name\":\"A2\",\"description\":\"x\"}]");
    http.put("/segments", "[{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"nobody\"}]"); // 404
    invalid(http, http.post("/segments", "[]")); // 422
    invalid(http, http.post("/segments", "{\"name\":\"A\"}")); // 400
    invalid(http, http.get("/segments?id:in=1-1-1-1-1")); // 422
    invalid(http, http.get("/segments?page=0")); // 422
    invalid(http, http.get("/segments?limit=251")); // 413: above the maximum page size

    // Shopper profiles.
    String profile1 =
        http.post("/shopper-profiles", "[{\"customer_id\":1042},{\"customer_id\":7}]")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    String profile2 =
        http.post("/shopper-profiles", "[{\"customer_id\":1187}]")
            .json()
            .get("data")
            .get(0)
            .get("id")
            .asText();
    http.post("/shopper-profiles", "[{\"customer_id\":1042}]"); // 422: customer has one
    http.get("/shopper-profiles?limit=1&page=2");

    // Memberships.
    String members = "/segments/" + segmentA + "/shopper-profiles";
    http.post(members, "[\"" + profile1 + "\"]");
    http.post(members, "[\"" + profile1 + "\",\"" + profile2 + "\"]"); // 409, partly written
    http.post(members, "[\"" + UUID.randomUUID() + "\"]"); // 422 unknown profile
    StringJoiner tooMany = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 51; i++) {
      tooMany.add("\"" + UUID.randomUUID() + "\"");
    }
    invalid(http, http.post(members, tooMany.toString())); // 422
    http.get(members);
    http.get("/segments/" + UUID.randomUUID() + "/shopper-profiles"); // 404
    invalid(http, http.get("/segments/not-a-uuid/shopper-profiles")); // 422
    http.get("/shopper-profiles/" + profile1 + "/segments");
    http.get("/shopper-profiles/" + UUID.randomUUID() + "/segments"); // 404
    http.delete(members + "?id:in=" + profile2);
    http.delete(members); // the dangerous one: empties the segment

    // Auth.
    http.withToken(null).get("/segments"); // 401
    http.withToken("reader").get("/segments");
    http.withToken("reader").get(members); // 403
    http.withToken("reader").post("/segments", "[{\"name\":\"Z\"}]"); // 403

    // A rate-limited store.
    store.rateLimitFor(Duration.ofSeconds(30));
    http.post("/segments", "[{\"name\":\"Y\"}]"); // 429
    store.clearRateLimit();

    // Deletes.
    http.delete("/shopper-profiles?id:in=" + profile1);
    http.delete("/segments?id:in=" + segmentB);
    invalid(http, http.delete("/segments?id%3Ain=" + segmentA + "%2Cnope")); // 422
    store.fillSegments(Limits.MAX_SEGMENTS_PER_STORE - store.segments().size());
    http.post("/segments", "[{\"name\":\"One too many\"}]"); // 403: a platform limit
    http.delete("/shopper-profiles");
    http.delete("/segments");
    assertThat(store.segments()).isEmpty();
  }

  private static void race(TestHttp http, int count) throws Exception {
    List<CompletableFuture<TestHttp.Response>> racing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      racing.add(http.sendAsync("GET", "/shopper-profiles", null));
    }
    for (CompletableFuture<TestHttp.Response> call : racing) {
      call.get(10, TimeUnit.SECONDS);
    }
  }

  private void invalid(TestHttp http, TestHttp.Response response) {
    List<TestHttp.Exchange> all = http.exchanges();
    TestHttp.Exchange last = all.get(all.size() - 1);
    assertThat(last.response()).isSameAs(response);
    invalidRequests.add(last);
  }

  private static Path spec() {
    String spec = System.getProperty("segments.spec");
    assertThat(spec).as("system property segments.spec (set by surefire)").isNotNull();
    Path path = Path.of(spec);
    assertThat(Files.isRegularFile(path)).as("spec file " + path).isTrue();
    return path;
  }

  private static String pathOf(TestHttp.Exchange exchange) {
    String pathAndQuery = exchange.pathAndQuery();
    int question = pathAndQuery.indexOf('?');
    return question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
  }

  private static SimpleRequest request(TestHttp.Exchange exchange) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), pathOf(exchange));
    exchange.requestHeaders().map().forEach(builder::withHeader);
    String pathAndQuery = exchange.pathAndQuery();
    int question = pathAndQuery.indexOf('?');
    if (question >= 0) {
      for (String pair : pathAndQuery.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        builder.withQueryParam(
            decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
      }
    }
    if (exchange.requestBody() != null) {
      builder.withBody(exchange.requestBody());
    }
    return builder.build();
  }

  private static SimpleResponse response(TestHttp.Exchange exchange) {
    TestHttp.Response response = exchange.response();
    SimpleResponse.Builder builder = new SimpleResponse.Builder(response.status());
    Map<String, List<String>> headers = response.headers().map();
    headers.forEach(builder::withHeader);
    if (!response.body().isEmpty()) {
      builder.withBody(response.body());
    }
    return builder.build();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
