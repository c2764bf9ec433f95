package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorMainTest {

  @Test
  void readsEveryFlag() {
    SimulatorConfig config =
        SimulatorMain.parse(
            "--port",
            "0",
            "--host",
            "127.0.0.1",
            "--latency-ms",
            "25",
            "--token",
            "t1",
            "--token",
            "t2",
            "--read-only-token",
            "ro",
            "--max-concurrent",
            "3",
            "--put-status",
            "200");

    assertThat(config.port()).isZero();
    assertThat(config.minLatency()).isEqualTo(Duration.ofMillis(25));
    assertThat(config.modifyTokens()).containsExactlyInAnyOrder("t1", "t2");
    assertThat(config.readOnlyTokens()).containsExactly("ro");
    assertThat(config.maxConcurrentRequests()).isEqualTo(3);
    assertThat(config.putSegmentsStatus()).isEqualTo(200);
  }

  @Test
  void readsTheQuotaFlagsAsAnEnforcedQuota() {
    SimulatorConfig config = SimulatorMain.parse("--quota", "150", "--quota-window-ms", "30000");

    assertThat(config.quotaEnforced()).isTrue();
    assertThat(config.rateLimitQuota()).isEqualTo(150);
    assertThat(config.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void withoutQuotaTheQuotaIsOnlyReported() {
    SimulatorConfig defaults = SimulatorMain.parse();
    SimulatorConfig window = SimulatorMain.parse("--quota-window-ms", "1000");

    assertThat(defaults.quotaEnforced()).isFalse();
    assertThat(defaults.rateLimitQuota()).isEqualTo(150);
    assertThat(defaults.rateLimitWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(window.quotaEnforced()).isFalse();
    assertThat(window.rateLimitWindow()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void explainsABadQuota() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--quota", "0"))
        .withMessage("rateLimitQuota must be >= 1 but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--quota", "5", "--quota-window-ms", "0"))
        .withMessageStartingWith("rateLimitWindow must be at least 1 ms");
  }

  @Test
  void theBannerNamesAnEnforcedQuota() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.create(SimulatorMain.parse("--port", "0", "--quota", "7")).start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      SimulatorMain.printBanner(simulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("Quota: 7 requests per 30000 ms and store");
    }
  }

  @Test
  void exportWireMockWritesTheMappingsAndListsThem(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status =
        SimulatorMain.exportWireMock(
            new String[] {"--out", dir.toString()},
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Wrote " + ExportScenarios.all().size() + " WireMock stub mappings")
        .contains("01-list-segments.json");
    assertThat(dir.resolve("mappings/01-list-segments.json")).isRegularFile();
  }

  @Test
  void exportWireMockNeedsOut() {
    assertThat(SimulatorMain.exportDirectory("--out", "x")).isEqualTo(Path.of("x"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.exportDirectory())
        .withMessage("export-wiremock needs --out <dir> and nothing else");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.exportDirectory("--out", "x", "--port", "1"))
        .withMessage("export-wiremock needs --out <dir> and nothing else");
    assertThat(SimulatorMain.exportWireMock(new String[] {"--dir", "x"}, System.out)).isEqualTo(2);
  }

  @Test
  void defaultsToPort8080AndTheDevToken() {
    SimulatorConfig config = SimulatorMain.parse();

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.modifyTokens()).containsExactly(SimulatorConfig.DEV_TOKEN);
  }

  @Test
  void explainsBadFlags() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--prot", "1"))
        .withMessage("unknown option --prot");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--port"))
        .withMessage("--port needs a value");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--port", "eighty"))
        .withMessage("--port needs an integer but was 'eighty'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SimulatorMain.parse("--max-concurrent", "0"))
        .withMessageContaining("maxConcurrentRequests");
  }

  @Test
  void printsTheBaseUrlAndSaysTheDevTokenIsNoSecret() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.create(SimulatorMain.parse("--port", "0")).start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      SimulatorMain.printBanner(simulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      String banner = bytes.toString(StandardCharsets.UTF_8);
      assertThat(banner).contains(simulator.baseUri("abc123").toString());
      assertThat(banner).contains("/stores/{store_hash}/v3");
      assertThat(banner).contains("simulator-token").contains("not a secret");
    }
  }
}
