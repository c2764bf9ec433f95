package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained jar ({@code target/segments-simulator.jar}) runs with {@code java -jar} from a
 * directory where nothing else lies, and the main artifact stays a plain jar.
 */
@Timeout(60)
class StandaloneJarIT {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
  private static final Duration START_WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void servesTheApiWhenCopiedAloneIntoAnEmptyDirectory() throws Exception {
    Path jar = Files.copy(standaloneJar(), dir.resolve("segments-simulator.jar"));

    try (JarProcess process = JarProcess.start(jar, dir, "--port", "0")) {
      Matcher banner = LISTENING.matcher(process.awaitLine(LISTENING.asPredicate(), START_WAIT));
      assertThat(banner.find()).isTrue();
      URI segments = URI.create(banner.group(1) + "/stores/abc123/v3/segments");

      HttpResponse<String> response = get(segments, SimulatorConfig.DEV_TOKEN);
      HttpResponse<String> unauthorized = get(segments, "not-a-token");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).startsWith("{\"data\":[]");
      assertThat(response.headers().firstValue("X-Rate-Limit-Requests-Quota")).hasValue("150");
      assertThat(unauthorized.statusCode()).isEqualTo(401);
    }
    assertThat(Files.list(dir).map(Path::getFileName).map(Path::toString).toList())
        .containsExactly("segments-simulator.jar");
  }

  @Test
  void printsItsUsageAndExitsWithHelp() throws Exception {
    Path jar = Files.copy(standaloneJar(), dir.resolve("segments-simulator.jar"));

    try (JarProcess process = JarProcess.start(jar, dir, "--help")) {
      assertThat(process.awaitExit(START_WAIT)).isZero();
      assertThat(process.output()).anyMatch(line -> line.contains("--port <port>"));
    }
  }

  @Test
  void exportsWireMockMappingsAndExits() throws Exception {
    Path jar = Files.copy(standaloneJar(), dir.resolve("segments-simulator.jar"));
    Path out = dir.resolve("wiremock");

    try (JarProcess process = JarProcess.start(jar, dir, "export-wiremock", "--out", "wiremock")) {
      assertThat(process.awaitExit(START_WAIT)).isZero();
      assertThat(process.output()).anyMatch(line -> line.startsWith("Wrote "));
    }
    String list = Files.readString(out.resolve("mappings/01-list-segments.json"));
    assertThat(list).contains("\"status\" : 200").contains("\"Wholesale buyers\"");
  }

  @Test
  void holdsJacksonRelocatedAndNoJUnit() throws IOException {
    try (JarFile jar = new JarFile(standaloneJar().toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();

      assertThat(names)
          .contains("io/github/segmentskit/simulator/SimulatorMain.class")
          .anyMatch(n -> n.startsWith("io/github/segmentskit/simulator/internal/jackson/databind/"))
          .noneMatch(n -> n.contains("com/fasterxml/"))
          .noneMatch(n -> n.startsWith("org/junit/"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(SimulatorMain.class.getName());
    }
  }

  @Test
  void theMainArtifactIsAPlainJarWithoutDependencies() throws IOException {
    Path main = Path.of(System.getProperty("segments.simulator.mainJar"));

    try (JarFile jar = new JarFile(main.toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();

      assertThat(names)
          .contains("io/github/segmentskit/simulator/SegmentsSimulator.class")
          .noneMatch(n -> n.startsWith("com/fasterxml/"))
          .noneMatch(n -> n.contains("/internal/jackson/"));
    }
  }

  private static Path standaloneJar() {
    String path = System.getProperty("segments.simulator.standaloneJar");
    assertThat(path).as("system property segments.simulator.standaloneJar").isNotNull();
    return Path.of(path);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json")
            .header("X-Auth-Token", token)
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
