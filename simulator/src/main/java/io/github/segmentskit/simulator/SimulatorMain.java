package io.github.segmentskit.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own until Ctrl-C, or exports WireMock stubs ({@link WireMockExport}):
 *
 * <pre>
 * java -jar simulator/target/segments-simulator.jar --port 8080
 * java -jar simulator/target/segments-simulator.jar export-wiremock --out wiremock
 * </pre>
 *
 * <p>Flags: {@code --host} (127.0.0.1), {@code --port} (8080), {@code --latency-ms} (0), {@code
 * --token} (modify scope, repeatable; default {@value SimulatorConfig#DEV_TOKEN}, a development
 * value that is not a secret), {@code --read-only-token} (repeatable), {@code --max-concurrent}
 * (10), {@code --put-status} (201), {@code --quota} (none: reported, not enforced), {@code
 * --quota-window-ms} (30000), {@code --help}.
 */
public final class SimulatorMain {

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar segments-simulator.jar [options]",
          "       java -jar segments-simulator.jar export-wiremock --out <dir>",
          "",
          "export-wiremock writes WireMock stub mappings of the simulator's canned scenarios",
          "to <dir>/mappings/ (one file per scenario) and exits.",
          "",
          "Options:",
          "  --host <address>          address to bind (default 127.0.0.1)",
          "  --port <port>             port to bind, 0 for any free one (default 8080)",
          "  --latency-ms <ms>         hold each admitted request this long (default 0)",
          "  --token <token>           a token with the Customers modify scope; repeatable",
          "                            (default: " + SimulatorConfig.DEV_TOKEN + ", not a secret)",
          "  --read-only-token <token> a token with only the read-only scope; repeatable",
          "  --max-concurrent <n>      requests in flight per store before 429 (default 10)",
          "  --put-status <200|201>    success status of PUT /segments (default 201)",
          "  --quota <n>               enforce a quota: n requests per window and store, then 429",
          "                            until the window resets (default: 150 reported, not enforced)",
          "  --quota-window-ms <ms>    the quota's window (default 30000)",
          "  --help                    print this help");

  static final String EXPORT_WIREMOCK = "export-wiremock";

  private SimulatorMain() {}

  /**
   * {@code export-wiremock --out <dir>}: writes the stub mappings and lists them on {@code out};
   * returns the exit status (2 for bad arguments, 1 if the export failed).
   */
  static int exportWireMock(String[] args, PrintStream out) {
    Path dir;
    try {
      dir = exportDirectory(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      return 2;
    }
    try {
      List<Path> files = WireMockExport.writeTo(dir);
      out.println(
          "Wrote " + files.size() + " WireMock stub mappings to " + dir.resolve("mappings"));
      files.forEach(file -> out.println("  " + file.getFileName()));
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("error: the export failed: " + e);
      return 1;
    }
  }

  /** The {@code --out} directory of the export's arguments. */
  static Path exportDirectory(String... args) {
    if (args.length != 2 || !args[0].equals("--out")) {
      throw new IllegalArgumentException(EXPORT_WIREMOCK + " needs --out <dir> and nothing else");
    }
    return Path.of(args[1]);
  }

  /** Starts the simulator with the flags and serves until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals(EXPORT_WIREMOCK)) {
      int status = exportWireMock(Arrays.copyOfRange(args, 1, args.length), System.out);
      if (status != 0) {
        System.exit(status);
      }
      return;
    }
    SimulatorConfig config;
    try {
      if (List.of(args).contains("--help")) {
        System.out.println(USAGE);
        return;
      }
      config = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SegmentsSimulator simulator = SegmentsSimulator.create(config).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "segments-simulator-shutdown"));
    printBanner(simulator, System.out);
    stopped.await();
  }

  /** The configuration the flags describe; {@link IllegalArgumentException} says what is wrong. */
  static SimulatorConfig parse(String... args) {
    SegmentsSimulator.Builder builder = SegmentsSimulator.builder().port(8080);
    List<String> tokens = new ArrayList<>();
    List<String> readOnlyTokens = new ArrayList<>();
    Integer quota = null;
    long quotaWindowMillis = SimulatorConfig.DEFAULT_RATE_LIMIT_WINDOW.toMillis();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--host" -> builder.host(value);
        case "--port" -> builder.port(integer(flag, value));
        case "--latency-ms" -> builder.latency(Duration.ofMillis(integer(flag, value)));
        case "--token" -> tokens.add(value);
        case "--read-only-token" -> readOnlyTokens.add(value);
        case "--max-concurrent" -> builder.maxConcurrentRequests(integer(flag, value));
        case "--put-status" -> builder.putSegmentsStatus(integer(flag, value));
        case "--quota" -> quota = integer(flag, value);
        case "--quota-window-ms" -> quotaWindowMillis = integer(flag, value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (quota != null) {
      builder.quota(quota, Duration.ofMillis(quotaWindowMillis));
    } else {
      builder.rateLimit(
          SimulatorConfig.DEFAULT_RATE_LIMIT_QUOTA, Duration.ofMillis(quotaWindowMillis));
    }
    if (!tokens.isEmpty()) {
      builder.modifyTokens(tokens);
    }
    builder.readOnlyTokens(readOnlyTokens);
    return builder.config();
  }

  private static int integer(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs an integer but was '" + value + "'");
    }
  }

  static void printBanner(SegmentsSimulator simulator, PrintStream out) {
    SimulatorConfig config = simulator.config();
    out.println("Segments API simulator listening on " + simulator.rootUri());
    out.println("Base URL: " + simulator.rootUri() + "/stores/{store_hash}/v3");
    out.println("  e.g.    " + simulator.baseUri("abc123"));
    if (config.modifyTokens().equals(Set.of(SimulatorConfig.DEV_TOKEN))) {
      out.println(
          "X-Auth-Token: "
              + SimulatorConfig.DEV_TOKEN
              + " (the default development token: not a secret, guards nothing)");
    } else {
      out.println("X-Auth-Token: one of the " + config.modifyTokens().size() + " --token values");
    }
    out.println(
        "Max "
            + config.maxConcurrentRequests()
            + " requests in flight per store; latency "
            + config.minLatency().toMillis()
            + " ms. State is in memory only. Ctrl-C stops.");
    if (config.quotaEnforced()) {
      out.println(
          "Quota: "
              + config.rateLimitQuota()
              + " requests per "
              + config.rateLimitWindow().toMillis()
              + " ms and store, then 429 until the window resets.");
    }
    out.println(
        "Try: curl -H 'X-Auth-Token: <token>' -H 'Accept: application/json' "
            + simulator.baseUri("abc123")
            + "/segments");
  }
}
