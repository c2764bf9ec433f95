package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exports the simulator's canned scenarios as WireMock stub mappings, for teams that stub the API
 * with WireMock on another stack: {@code java -jar segments-simulator.jar export-wiremock --out
 * DIR} writes {@code DIR/mappings/NN-<scenario>.json}, one stub per scenario (load them with
 * WireMock's {@code --root-dir DIR}).
 *
 * <p>Nothing is written by hand: a simulator on a free loopback port is driven through each
 * scenario over HTTP, and each stub returns the status, headers ({@code Content-Type}, the {@code
 * X-Rate-Limit-*} headers, {@code X-Retry-After}) and JSON body the simulator answered. The
 * simulator's clocks are fixed at {@value #NOW} and its new ids come from a fixed seed, so the same
 * version of the simulator exports the same files.
 */
public final class WireMockExport {

  /** The instant of every timestamp in the exported bodies. */
  static final String NOW = "2024-01-01T00:00:00Z";

  private static final long ID_SEED = 2024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<String> EXPORTED_HEADERS =
      List.of(
          "Content-Type",
          "Allow",
          RateLimitWindow.WINDOW_MS,
          RateLimitWindow.RESET_MS,
          RateLimitWindow.QUOTA,
          RateLimitWindow.LEFT,
          RateLimitWindow.RETRY_AFTER);

  /**
   * A scenario and what the simulator answered.
   *
   * @param scenario the scenario
   * @param status the status
   * @param headers the exported headers, canonically spelled
   * @param body the JSON body, or null for none
   */
  record Recorded(
      ExportScenario scenario, int status, Map<String, String> headers, JsonNode body) {}

  private WireMockExport() {}

  /**
   * Drives a simulator through every scenario and writes one stub mapping file per scenario to
   * {@code directory/mappings/} (created if needed; other files there are left alone).
   *
   * @return the files written, in scenario order
   * @throws IOException if a file cannot be written
   * @throws IllegalStateException if the simulator did not answer a scenario as expected
   */
  public static List<Path> writeTo(Path directory) throws IOException {
    requireNonNull(directory, "directory == null");
    Path mappings = Files.createDirectories(directory.resolve("mappings"));
    List<Path> written = new ArrayList<>();
    int number = 0;
    for (Recorded recorded : record()) {
      number++;
      Path file =
          mappings.resolve(
              String.format(Locale.ROOT, "%02d-%s.json", number, recorded.scenario().name()));
      String json =
          Json.MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(
                  StubMappingJson.of(
                      recorded.scenario(), recorded.status(), recorded.headers(), recorded.body()));
      Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
      written.add(file);
    }
    return List.copyOf(written);
  }

  /** Drives a fresh simulator through every scenario, in order, and returns what it answered. */
  static List<Recorded> record() {
    Clock fixed = Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC);
    SimulatorConfig config =
        SegmentsSimulator.builder()
            .readOnlyTokens(ExportScenarios.READ_ONLY_TOKEN)
            .clock(fixed)
            .rateLimitClock(fixed)
            .config();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    try (SegmentsSimulator simulator =
        SegmentsSimulator.create(config, Uuids.seeded(ID_SEED)).start()) {
      List<Recorded> recorded = new ArrayList<>();
      for (ExportScenario scenario : ExportScenarios.all()) {
        simulator.resetAllStores();
        scenario.given().accept(simulator.store(scenario.storeHash()));
        recorded.add(send(client, simulator.rootUri(), scenario));
      }
      return List.copyOf(recorded);
    }
  }

  private static Recorded send(HttpClient client, URI root, ExportScenario scenario) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + scenario.storePathAndQuery()))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (scenario.token() != null) {
      request.header(SimulatorHandler.AUTH_HEADER, scenario.token());
    }
    if (scenario.body() != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        scenario.method(),
        scenario.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(scenario.body()));
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("scenario " + scenario.name() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted in scenario " + scenario.name(), e);
    }
    if (response.statusCode() != scenario.status()) {
      throw new IllegalStateException(
          "scenario "
              + scenario.name()
              + " expects "
              + scenario.status()
              + " but the simulator answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : EXPORTED_HEADERS) {
      response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
    }
    JsonNode body = null;
    if (!response.body().isEmpty()) {
      try {
        body = Json.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("scenario " + scenario.name() + ": body is not JSON", e);
      }
    }
    return new Recorded(
        scenario, response.statusCode(), Collections.unmodifiableMap(headers), body);
  }
}
