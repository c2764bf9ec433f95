package io.github.segmentskit.limiter.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Where a fleet's permit cycle goes, from the {@code timeline} lines of {@link FleetChild}: one
 * line per permit with five {@link System#nanoTime()} stamps, taken at the limiter SPI and at the
 * HTTP client: the caller asks for a permit, gets it, hands the request to the {@code HttpClient},
 * the response's last byte arrives, the permit is given back. On Linux {@code nanoTime} is the
 * system's monotonic clock, the same in every JVM of the machine, so stamps of different children
 * compare.
 *
 * <p>With every permit busy and callers waiting, a permit's cycle is the time it is held plus the
 * hand-off: from a permit given back (in any JVM) to the next permit granted (in any JVM). The
 * hand-off is matched in order: the k-th grant after the first {@code limit} took the permit of the
 * k-th give-back. The throughput of the fleet is then {@code limit / cycle}.
 */
final class FleetTimeline {
  private static final int ASKED = 0;
  private static final int GRANTED = 1;
  private static final int SENT = 2;
  private static final int LAST_BYTE = 3;
  private static final int CLOSED = 4;

  private FleetTimeline() {}

  /** The stamps of one {@code timeline ...} line, or null if it is none. */
  static long[] parse(String line) {
    if (!line.startsWith("timeline ")) {
      return null;
    }
    String[] parts = line.substring(9).trim().split(" ");
    long[] stamps = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      stamps[i] = Long.parseLong(parts[i]);
    }
    return stamps;
  }

  /** A table of the cycle's parts over every permit whose exchange completed. */
  static String summary(List<long[]> permits, int limit) {
    List<long[]> complete = new ArrayList<>();
    for (long[] p : permits) {
      if (p.length == 5 && p[SENT] != 0 && p[LAST_BYTE] != 0 && p[CLOSED] != 0) {
        complete.add(p);
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "timeline: %d permits (ms)%n", complete.size()));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-44s %8s %8s %8s %8s%n",
            "part of the cycle",
            "mean",
            "p50",
            "p90",
            "p99"));
    row(out, "caller waits for a permit", complete, p -> p[GRANTED] - p[ASKED]);
    row(out, "permit granted -> request to HttpClient", complete, p -> p[SENT] - p[GRANTED]);
    row(out, "request to HttpClient -> last byte", complete, p -> p[LAST_BYTE] - p[SENT]);
    row(out, "last byte -> permit given back", complete, p -> p[CLOSED] - p[LAST_BYTE]);
    double held = row(out, "held (granted -> given back)", complete, p -> p[CLOSED] - p[GRANTED]);
    long[] closed = complete.stream().mapToLong(p -> p[CLOSED]).sorted().toArray();
    long[] granted = complete.stream().mapToLong(p -> p[GRANTED]).sorted().toArray();
    List<long[]> handoffs = new ArrayList<>();
    for (int k = 0; k + limit < granted.length && k < closed.length; k++) {
      handoffs.add(new long[] {granted[k + limit] - closed[k]});
    }
    double handoff =
        row(out, "hand-off (given back -> next granted, any JVM)", handoffs, h -> h[0]);
    double cycle = held + handoff;
    out.append(
        String.format(
            Locale.ROOT,
            "  cycle %.2f ms = %.1f calls/s for %d permits%n",
            cycle,
            limit * 1000 / cycle,
            limit));
    occupancy(out, complete, limit);
    return out.toString();
  }

  /**
   * The permits held on average in each second of the run (from the first ask to the last
   * give-back): where the fleet kept fewer than {@code limit} busy, and so where throughput went.
   */
  private static void occupancy(StringBuilder out, List<long[]> permits, int limit) {
    if (permits.isEmpty()) {
      return;
    }
    long start = permits.stream().mapToLong(p -> p[ASKED]).min().orElseThrow();
    long end = permits.stream().mapToLong(p -> p[CLOSED]).max().orElseThrow();
    long second = 1_000_000_000L;
    int buckets = (int) ((end - start + second - 1) / second);
    double[] held = new double[buckets];
    double total = 0;
    for (long[] p : permits) {
      total += p[CLOSED] - p[GRANTED];
      for (int b = 0; b < buckets; b++) {
        long from = Math.max(p[GRANTED], start + b * second);
        long to = Math.min(p[CLOSED], start + (b + 1) * second);
        if (to > from) {
          held[b] += to - from;
        }
      }
    }
    out.append(
        String.format(
            Locale.ROOT,
            "  permits held on average: %.2f of %d over %.2f s; per second:",
            total / (end - start),
            limit,
            (end - start) / 1e9));
    for (double h : held) {
      out.append(String.format(Locale.ROOT, " %.1f", h / second));
    }
    out.append(String.format("%n"));
  }

  private static double row(
      StringBuilder out, String name, List<long[]> rows, ToLongFunction<long[]> part) {
    double[] ms = rows.stream().mapToDouble(r -> part.applyAsLong(r) / 1e6).sorted().toArray();
    if (ms.length == 0) {
      out.append(String.format(Locale.ROOT, "  %-44s %8s%n", name, "-"));
      return 0;
    }
    double mean = Arrays.stream(ms).average().orElse(0);
    out.append(
        String.format(
            Locale.ROOT,
            "  %-44s %8.2f %8.2f %8.2f %8.2f%n",
            name,
            mean,
            ms[ms.length / 2],
            ms[(int) (ms.length * 0.9)],
            ms[(int) (ms.length * 0.99)]));
    return mean;
  }
}
