package io.github.segmentskit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the numbers were measured on: read from /proc and the JVM. */
final class Machine {
  private Machine() {}

  static String describe() {
    return String.join(
        "\n",
        "| | |",
        "|---|---|",
        "| date | " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |",
        "| CPU | " + cpuModel() + " |",
        "| cores (nproc) | " + Runtime.getRuntime().availableProcessors() + " |",
        "| memory | " + memTotal() + " |",
        "| JDK | "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " |",
        "| load average (1, 5, 15 min) at start | " + loadAverage() + " |");
  }

  static String loadAverage() {
    List<String> lines = read("/proc/loadavg");
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] parts = lines.get(0).split(" ");
    return parts[0] + ", " + parts[1] + ", " + parts[2];
  }

  /** The 1-minute load average, or NaN if unknown. */
  static double oneMinuteLoad() {
    List<String> lines = read("/proc/loadavg");
    return lines.isEmpty() ? Double.NaN : Double.parseDouble(lines.get(0).split(" ")[0]);
  }

  private static String cpuModel() {
    return read("/proc/cpuinfo").stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static String memTotal() {
    return read("/proc/meminfo").stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .map(line -> line.replaceAll("\\D+", ""))
        .map(kb -> String.format("%.1f GiB total", Long.parseLong(kb) / 1024.0 / 1024.0))
        .findFirst()
        .orElse("unknown");
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
