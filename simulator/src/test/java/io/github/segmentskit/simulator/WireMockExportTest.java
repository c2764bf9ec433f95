package io.github.segmentskit.simulator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exported stub mappings, loaded into a real WireMock server on a free loopback port. */
@Timeout(60)
class WireMockExportTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TempDir static Path dir;
  private static List<Path> files;
  private static WireMockServer wireMock;
  private static URI root;
  private static final Map<String, OpenApiInteractionValidator> validators = new HashMap<>();

  @BeforeAll
  static void exportAndLoad() throws IOException {
    files = WireMockExport.writeTo(dir);
    wireMock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .jettyAcceptors(1)
                .containerThreads(8)
                .usingFilesUnderDirectory(dir.toString()));
    wireMock.start();
    root = URI.create("http://127.0.0.1:" + wireMock.port());
  }

  @AfterAll
  static void stopWireMock() {
    if (wireMock != null) {
      wireMock.stop();
    }
  }

  @Test
  void writesOneMappingFilePerScenario() throws IOException {
    List<String> names;
    try (Stream<Path> listed = Files.list(dir.resolve("mappings"))) {
      names = listed.map(path -> path.getFileName().toString()).sorted().toList();
    }

    assertThat(files).hasSameSizeAs(ExportScenarios.all());
    assertThat(names).hasSameSizeAs(ExportScenarios.all());
    assertThat(names)
        .contains(
            "01-list-segments.json",
            "02-list-segments-page.json",
            "04-create-segments.json",
            "05-create-segments-conflict.json",
            "07-update-segments.json",
            "08-delete-segments.json");
    assertThat(wireMock.getStubMappings()).hasSameSizeAs(ExportScenarios.all());
  }

  @Test
  void everyStubAnswersWhatAFreshSimulatorAnswers() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (WireMockExport.Recorded simulated : WireMockExport.record()) {
      HttpResponse<String> stubbed = send(simulated.scenario());
      String name = simulated.scenario().name();
      if (stubbed.statusCode() != simulated.status()) {
        mismatches.add(name + ": status " + stubbed.statusCode() + " != " + simulated.status());
        continue;
      }
      JsonNode body = stubbed.body().isEmpty() ? null : MAPPER.readTree(stubbed.body());
      if (simulated.body() == null ? body != null : !simulated.body().equals(body)) {
        mismatches.add(name + ": body " + stubbed.body() + " != " + simulated.body());
      }
      simulated
          .headers()
          .forEach(
              (header, value) -> {
                if (!stubbed.headers().firstValue(header).orElse("").equals(value)) {
                  mismatches.add(name + ": header " + header + " != " + value);
                }
              });
    }

    assertThat(mismatches).isEmpty();
  }

  @Test
  void coversTheStatusesAndOperationsThatTeamsStub() {
    List<WireMockExport.Recorded> recorded = WireMockExport.record();

    assertThat(recorded.stream().map(WireMockExport.Recorded::status))
        .contains(200, 201, 204, 401, 403, 404, 409, 422, 429);
    assertThat(recorded.stream().map(r -> r.scenario().method() + " " + r.scenario().path()))
        .contains(
            "GET /segments",
            "POST /segments",
            "PUT /segments",
            "DELETE /segments",
            "GET /shopper-profiles",
            "POST /shopper-profiles",
            "DELETE /shopper-profiles");
    assertThat(recorded.stream().map(r -> r.scenario().path()))
        .anyMatch(path -> path.matches("/segments/[0-9a-f-]{36}/shopper-profiles"))
        .anyMatch(path -> path.matches("/shopper-profiles/[0-9a-f-]{36}/segments"));
  }

  @Test
  void theRateLimitedStubCarriesBigCommercesHeaders() throws Exception {
    ExportScenario rateLimited = scenario("rate-limited");

    HttpResponse<String> response = send(rateLimited);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("X-Rate-Limit-Requests-Left")).hasValue("0");
    assertThat(response.headers().firstValue("X-Rate-Limit-Time-Reset-Ms")).hasValue("30000");
    assertThat(response.headers().firstValue("X-Rate-Limit-Requests-Quota")).hasValue("150");
    assertThat(response.headers().firstValue("X-Rate-Limit-Time-Window-Ms")).hasValue("30000");
    assertThat(response.headers().firstValue("X-Retry-After")).hasValue("30");
    assertThat(MAPPER.readTree(response.body()).get("status").asInt()).isEqualTo(429);
  }

  @Test
  void theStubsMatchOnlyTheirOwnRequests() throws Exception {
    ExportScenario create = scenario("create-segments");
    ExportScenario otherBody =
        new ExportScenario(
            "other",
            "",
            create.storeHash(),
            store -> {},
            "POST",
            "/segments",
            Map.of(),
            create.token(),
            "[{\"name\":\"Something else\"}]",
            404);
    ExportScenario otherToken =
        new ExportScenario(
            "other", "", "abc123", store -> {}, "GET", "/segments", Map.of(), "x", null, 404);

    HttpResponse<String> unmatchedBody = send(otherBody);
    HttpResponse<String> unmatchedToken = send(otherToken);

    assertThat(unmatchedBody.statusCode()).isEqualTo(404);
    assertThat(unmatchedBody.body()).contains("Request was not matched");
    assertThat(unmatchedToken.statusCode()).isEqualTo(404);
    assertThat(send(create).statusCode()).isEqualTo(201);
  }

  @Test
  void exportsTheSameFilesEveryTime(@TempDir Path again) throws IOException {
    List<Path> second = WireMockExport.writeTo(again);

    assertThat(second).hasSameSizeAs(files);
    for (int i = 0; i < files.size(); i++) {
      assertThat(second.get(i).getFileName()).isEqualTo(files.get(i).getFileName());
      assertThat(Files.readString(second.get(i))).isEqualTo(Files.readString(files.get(i)));
    }
  }

  @Test
  void everyExportedResponseIsValidAgainstTheSpec() {
    List<String> failures = new ArrayList<>();
    for (WireMockExport.Recorded recorded : WireMockExport.record()) {
      ExportScenario scenario = recorded.scenario();
      SimpleResponse.Builder response = new SimpleResponse.Builder(recorded.status());
      recorded.headers().forEach(response::withHeader);
      if (recorded.body() != null) {
        response.withBody(recorded.body().toString());
      }
      ValidationReport report =
          validator(scenario.storeHash())
              .validateResponse(
                  scenario.storePath(),
                  Request.Method.valueOf(scenario.method()),
                  response.build());
      if (report.hasErrors()) {
        failures.add(scenario.name() + ": " + report.getMessages());
      }
    }

    assertThat(failures).isEmpty();
  }

  private static OpenApiInteractionValidator validator(String storeHash) {
    String spec = System.getProperty("segments.spec");
    assertThat(spec).as("system property segments.spec (set by surefire)").isNotNull();
    return validators.computeIfAbsent(
        storeHash,
        hash ->
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of(spec).toUri().toString())
                .withBasePathOverride("/stores/" + hash + "/v3")
                .build());
  }

  private static ExportScenario scenario(String name) {
    return ExportScenarios.all().stream()
        .filter(scenario -> scenario.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> send(ExportScenario scenario) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + scenario.storePathAndQuery()))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json");
    if (scenario.token() != null) {
      request.header("X-Auth-Token", scenario.token());
    }
    if (scenario.body() != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        scenario.method(),
        scenario.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(scenario.body()));
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
