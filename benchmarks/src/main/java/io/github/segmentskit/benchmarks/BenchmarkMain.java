package io.github.segmentskit.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks of BENCHMARKS.md and prints the report as Markdown on standard output
 * (progress goes to standard error). About 10 minutes on 2 cores.
 *
 * <pre>
 * java -jar benchmarks/target/segments-benchmarks.jar                 # everything
 * java -jar benchmarks/target/segments-benchmarks.jar --no-jmh        # skip benchmark 3
 * java -jar benchmarks/target/segments-benchmarks.jar --only=5        # only benchmark 5
 * java -jar benchmarks/target/segments-benchmarks.jar --only=1,4      # benchmarks 1 and 4
 * java -jar benchmarks/target/segments-benchmarks.jar --only=5 --rounds=7 --clients=2
 * java -jar benchmarks/target/segments-benchmarks.jar --max-load=1.5  # wait for a quiet machine
 * </pre>
 *
 * {@code --rounds} and {@code --clients} apply to benchmark 5 (defaults: 5 rounds; 1, 2 and 4
 * clients). {@code --max-load=x} waits (at most 30 minutes, then runs anyway and says so) until the
 * 1-minute load average is at most {@code x}.
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Set<String> flags = new TreeSet<>();
    Set<Integer> only = new TreeSet<>(List.of(1, 2, 3, 4, 5));
    int rounds = 5;
    int[] clients = {1, 2, 4};
    double maxLoad = Double.NaN;
    for (String arg : args) {
      if (arg.startsWith("--only=")) {
        only = new TreeSet<>(numbers(arg).boxed().toList());
      } else if (arg.startsWith("--rounds=")) {
        rounds = numbers(arg).findFirst().orElseThrow();
      } else if (arg.startsWith("--clients=")) {
        clients = numbers(arg).toArray();
      } else if (arg.startsWith("--max-load=")) {
        maxLoad = Double.parseDouble(arg.substring(arg.indexOf('=') + 1));
      } else if (arg.equals("--no-jmh")) {
        flags.add(arg);
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    if (flags.contains("--no-jmh")) {
      only.remove(3);
    }
    String waited = Double.isNaN(maxLoad) ? null : waitForLoad(maxLoad, Duration.ofMinutes(30));
    StringBuilder report = new StringBuilder();
    report.append("## Machine\n\n").append(Machine.describe()).append("\n");
    report
        .append("| command | java -jar segments-benchmarks.jar ")
        .append(String.join(" ", args))
        .append(" |\n");
    if (waited != null) {
      report.append("| waited for load | ").append(waited).append(" |\n");
    }
    report.append('\n');

    if (only.contains(5)) {
      progress("5 SegmentsClient against the floor (about 2 minutes per 5 rounds and 3 sizes)");
      report.append(floor(FloorScenario.run(rounds, clients)));
    }
    if (only.contains(1)) {
      progress("1 throughput at the limit (about 1 minute)");
      report.append(throughput(ThroughputScenario.run(3)));
    }
    if (only.contains(2)) {
      progress("2 per-call overhead");
      report.append(overhead(OverheadScenario.run(3_000, 5_000)));
    }
    if (only.contains(3)) {
      progress("3 allocation per call (JMH -prof gc, about 2 minutes)");
      report.append(allocation());
    }
    if (only.contains(4)) {
      progress("4 chunking");
      report.append(chunking(ChunkingScenario.run(5)));
    }
    report.append("Load average at the end: ").append(Machine.loadAverage()).append("\n");
    System.out.println(report);
  }

  /** Waits until the 1-minute load average is at most {@code max}; says how it went. */
  private static String waitForLoad(double max, Duration patience) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      double now = Machine.oneMinuteLoad();
      if (Double.isNaN(now)) {
        return "load average unknown: did not wait";
      }
      long waitedSeconds = (System.nanoTime() - start) / 1_000_000_000L;
      if (now <= max) {
        return String.format(Locale.ROOT, "%d s until %.2f <= %.2f", waitedSeconds, now, max);
      }
      if (waitedSeconds >= patience.toSeconds()) {
        return String.format(
            Locale.ROOT, "gave up after %d s: still %.2f > %.2f", waitedSeconds, now, max);
      }
      progress(String.format(Locale.ROOT, "waiting for load <= %.2f", max));
      Thread.sleep(30_000);
    }
  }

  private static IntStream numbers(String arg) {
    return Arrays.stream(arg.substring(arg.indexOf('=') + 1).split(","))
        .map(String::trim)
        .mapToInt(Integer::parseInt);
  }

  private static String floor(FloorScenario.Result result) {
    List<FloorScenario.Pair> pairs = result.pairs();
    FloorScenario.Run control = result.unthrottled();
    StringBuilder md = new StringBuilder();
    md.append("### 5. Against the floor: clients of one store, one limit of 10\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d updates (`PUT /segments`, 1 segment each) from %d callers; canned server in a"
                    + " child JVM holding each request %d ms, at most %d in flight (more get 429);"
                    + " bound %.0f updates/s. Floor: bare `java.net.http` + fair `Semaphore(%d)`,"
                    + " requests prebuilt. SegmentsClient: n clients, one fresh registry. One"
                    + " unreported warm-up pair first.%n%n",
                FloorScenario.CALLERS * FloorScenario.CALLS_PER_CALLER,
                FloorScenario.CALLERS,
                FloorScenario.LATENCY.toMillis(),
                FloorScenario.LIMIT,
                FloorScenario.LIMIT * 1000.0 / FloorScenario.LATENCY.toMillis(),
                FloorScenario.LIMIT))
        .append(
            "| clients | round | first | floor wall (s) | floor ok | floor updates/s | floor"
                + " requests received | floor connections | floor peak in flight | floor 429s |"
                + " client wall (s) | client ok | client failed | client events | client"
                + " updates/s | client requests received | client connections | client peak in"
                + " flight | client 429s | ratio |\n")
        .append(
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (FloorScenario.Pair pair : pairs) {
      FloorScenario.Run floor = pair.floor();
      FloorScenario.Run client = pair.client();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %s | %.2f | %d | %.1f | %d | %d | %d | %d | %.2f | %d | %s | %s | %.1f |"
                  + " %d | %d | %d | %d | %.3f |%n",
              pair.clients(),
              pair.round(),
              pair.floorFirst() ? "floor" : "client",
              floor.tally().wall().toNanos() / 1e9,
              floor.tally().count("ok"),
              floor.okPerSecond(),
              floor.server().received(),
              floor.server().connections(),
              floor.server().peakInFlight(),
              floor.server().tooMany(),
              client.tally().wall().toNanos() / 1e9,
              client.tally().count("ok"),
              client.failed().isEmpty() ? "0" : client.failed().toString(),
              client.events().isEmpty() ? "none" : client.events().toString(),
              client.okPerSecond(),
              client.server().received(),
              client.server().connections(),
              client.server().peakInFlight(),
              client.server().tooMany(),
              pair.ratio()));
    }
    md.append(
            "\n| clients | pairs | ratio median | ratio min | ratio max | floor fraction of bound")
        .append(" (median) | client fraction of bound (median) |\n")
        .append("|---|---|---|---|---|---|---|\n");
    Map<Integer, List<FloorScenario.Pair>> byClients = new TreeMap<>();
    pairs.forEach(p -> byClients.computeIfAbsent(p.clients(), k -> new ArrayList<>()).add(p));
    byClients.forEach(
        (clients, list) -> {
          double[] ratios = list.stream().mapToDouble(FloorScenario.Pair::ratio).sorted().toArray();
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                  clients,
                  ratios.length,
                  median(ratios),
                  ratios[0],
                  ratios[ratios.length - 1],
                  median(list.stream().mapToDouble(p -> p.floor().fractionOfBound()).toArray()),
                  median(list.stream().mapToDouble(p -> p.client().fractionOfBound()).toArray())));
        });
    md.append(
        String.format(
            Locale.ROOT,
            "%nControl, after the rounds: %d of the floor's requests sent at once without the"
                + " semaphore (an HttpClient of their own): the server saw a peak of %d in flight"
                + " and answered %d of them 429 (outcomes %s).%n%n",
            FloorScenario.CALLERS,
            control.server().peakInFlight(),
            control.server().tooMany(),
            control.tally().outcomes()));
    return md.toString();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String throughput(List<ThroughputScenario.Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("### 1. Throughput at the limit\n\n")
        .append(
            String.format(
                "%d `segments().update(..).execute()` calls (1 segment each) from %d callers; simulator latency %d ms,"
                    + " at most %d in flight (more get 429); bound %d / %d ms = %.0f calls/s.%n%n",
                ThroughputScenario.CALLERS * ThroughputScenario.CALLS_PER_CALLER,
                ThroughputScenario.CALLERS,
                ThroughputScenario.LATENCY.toMillis(),
                ThroughputScenario.LIMIT,
                ThroughputScenario.LIMIT,
                ThroughputScenario.LATENCY.toMillis(),
                ThroughputScenario.LIMIT * 1000.0 / ThroughputScenario.LATENCY.toMillis()))
        .append(
            "| client | round | one call alone (ms) | wall (s) | succeeded | failed (by outcome) |"
                + " requests received | 429s | peak in flight | succeeded/s | fraction of 200/s |"
                + " fraction of 10 / one call alone |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ThroughputScenario.Row row : rows) {
      Map<String, Long> failed = new TreeMap<>(row.tally().outcomes());
      failed.remove("ok");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.2f | %d | %s | %d | %d | %d | %.1f | %.3f | %.3f |%n",
              row.client(),
              row.round(),
              row.sequentialMillis(),
              row.tally().wall().toNanos() / 1e9,
              row.tally().count("ok"),
              failed.isEmpty() ? "0" : failed.toString(),
              row.received(),
              row.tooMany(),
              row.peak(),
              row.okPerSecond(),
              row.fractionOfBound(),
              row.fractionOfMeasuredFloor()));
    }
    return md.append('\n').toString();
  }

  private static String overhead(List<OverheadScenario.Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("### 2. Per-call overhead\n\n")
        .append(
            "One call at a time against a zero-latency canned server in a child JVM; SegmentsClient"
                + " and the hand-built java.net.http call alternate in blocks of 100; µs per call.\n\n")
        .append(
            "| segments | calls each | client median | hand-built median | median ratio |"
                + " client p99 | hand-built p99 | p99 ratio |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (OverheadScenario.Row row : rows) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %.1f | %.1f | %.3f | %.1f | %.1f | %.3f |%n",
              row.size(),
              row.client().samples(),
              row.client().median(),
              row.handBuilt().median(),
              row.medianRatio(),
              row.client().p99(),
              row.handBuilt().p99(),
              row.p99Ratio()));
    }
    return md.append('\n').toString();
  }

  private static String allocation() throws Exception {
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "segments-benchmarks-jmh.log");
    progress("JMH's own output goes to " + log);
    Options options =
        new OptionsBuilder()
            .include(CallAllocationBenchmark.class.getName())
            .addProfiler(GCProfiler.class)
            .output(log.toString())
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<String, double[]>> bySize = new TreeMap<>();
    for (RunResult result : results) {
      String size = result.getParams().getParam("segments");
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
      bySize
          .computeIfAbsent(String.format("%03d", Integer.parseInt(size)), key -> new TreeMap<>())
          .put(
              method,
              new double[] {
                result.getPrimaryResult().getScore(),
                result.getPrimaryResult().getScoreError(),
                alloc == null ? Double.NaN : alloc.getScore()
              });
    }
    StringBuilder md = new StringBuilder();
    md.append("### 3. Allocation per call (JMH 1.37, -prof gc)\n\n")
        .append(
            "Average time (µs/op, ± 99.9% error) and `gc.alloc.rate.norm` (bytes/op, client JVM"
                + " only: the server is a child process). 1 fork, 3 x 2 s warm-up, 3 x 2 s"
                + " measurement.\n\n")
        .append(
            "| segments | client µs/op | hand-built µs/op | client B/op | hand-built B/op | B/op"
                + " ratio |\n")
        .append("|---|---|---|---|---|---|\n");
    bySize.forEach(
        (size, methods) -> {
          double[] client = methods.get("segmentsClient");
          double[] hand = methods.get("handBuilt");
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %d | %.1f ± %.1f | %.1f ± %.1f | %.0f | %.0f | %.2f |%n",
                  Integer.parseInt(size),
                  client[0],
                  client[1],
                  hand[0],
                  hand[1],
                  client[2],
                  hand[2],
                  client[2] / hand[2]));
        });
    return md.append('\n').toString();
  }

  private static String chunking(List<ChunkingScenario.Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("### 4. Chunking: 5,000 shopper profiles into one segment\n\n")
        .append(
            String.format(
                "`segments().shopperProfiles(id).add(ids).executeAsync()` with %d ids = 100 requests of 50; simulator latency"
                    + " %d ms, at most %d in flight; bound 100 / 10 x %d ms = 500 ms.%n%n",
                ChunkingScenario.PROFILES,
                ChunkingScenario.LATENCY.toMillis(),
                ChunkingScenario.LIMIT,
                ChunkingScenario.LATENCY.toMillis()))
        .append(
            "| run | wall (ms) | bound (ms) | wall / bound | chunks | failed chunks |"
                + " requests received | 429s | peak in flight |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (ChunkingScenario.Row row : rows) {
      double wall = row.wall().toNanos() / 1e6;
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.0f | %.0f | %.2f | %d | %d | %d | %d | %d |%n",
              row.run(),
              wall,
              row.boundMillis(),
              wall / row.boundMillis(),
              row.chunks(),
              row.failedChunks(),
              row.requests(),
              row.tooMany(),
              row.peak()));
    }
    return md.append('\n').toString();
  }

  private static void progress(String step) {
    System.err.println("[benchmarks] " + step + " (load " + Machine.loadAverage() + ")");
  }
}
