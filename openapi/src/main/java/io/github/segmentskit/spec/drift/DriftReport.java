package io.github.segmentskit.spec.drift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes the drift report, Markdown: the verdict, the counts, then the unrecorded differences, the
 * upstream changes and the recorded deviations, each grouped by operation, and the reason and
 * source of every deviation that applied.
 */
final class DriftReport {

  /**
   * What was compared.
   *
   * @param ourSpec our spec
   * @param upstreamSpec BigCommerce's spec as supplied
   * @param upstreamVersion its {@code info.version}, or null
   * @param deviationsFile the deviations file
   * @param deviationCount the number of deviations in it
   * @param failOnUpstreamChanges whether upstream changes fail the check too
   */
  record Inputs(
      Path ourSpec,
      Path upstreamSpec,
      String upstreamVersion,
      Path deviationsFile,
      int deviationCount,
      boolean failOnUpstreamChanges) {}

  private DriftReport() {}

  /** Writes the report to {@code file}, creating its directory if needed. */
  static void write(Path file, Inputs inputs, DriftResult result) {
    requireNonNull(file, "file == null");
    requireNonNull(inputs, "inputs == null");
    requireNonNull(result, "result == null");
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, markdown(inputs, result), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the drift report to " + file, e);
    }
  }

  /** The one-line verdict the report and the build log share. */
  static String verdict(DriftResult result, boolean failOnUpstreamChanges) {
    String counts =
        count(result.unrecorded().size(), "unrecorded difference")
            + ", "
            + count(result.upstreamChanges().size(), "upstream change")
            + ", "
            + count(result.recorded().size(), "recorded deviation");
    if (!result.unrecorded().isEmpty()) {
      return "FAILED: "
          + counts
          + ". Record each unrecorded difference in the deviations file (with its reason and"
          + " source), or change our spec to match.";
    }
    if (!result.passed(failOnUpstreamChanges)) {
      return "FAILED: " + counts + ". Adopt or record each upstream change.";
    }
    return "passed: " + counts + ".";
  }

  static String markdown(Inputs inputs, DriftResult result) {
    StringBuilder out = new StringBuilder();
    String specName = inputs.ourSpec().getFileName().toString();
    boolean passed = result.passed(inputs.failOnUpstreamChanges());
    out.append("# ").append(specName).append(": drift against BigCommerce's spec\n\n");
    out.append("## Drift check: ").append(passed ? "passed" : "FAILED").append("\n\n");
    out.append(verdict(result, inputs.failOnUpstreamChanges())).append("\n\n");
    out.append("| compared | file |\n|---|---|\n");
    out.append("| our spec | `").append(inputs.ourSpec()).append("` |\n");
    out.append("| BigCommerce's spec | `").append(inputs.upstreamSpec()).append('`');
    if (inputs.upstreamVersion() != null) {
      out.append(" (info.version ").append(inputs.upstreamVersion()).append(')');
    }
    out.append(" |\n");
    out.append("| deviations | `")
        .append(inputs.deviationsFile())
        .append("` (")
        .append(inputs.deviationCount())
        .append(" recorded) |\n\n");
    out.append("| kind | count | fails the check |\n|---|---:|---|\n");
    out.append("| unrecorded differences | ")
        .append(result.unrecorded().size())
        .append(" | yes |\n");
    out.append("| upstream changes | ")
        .append(result.upstreamChanges().size())
        .append(
            inputs.failOnUpstreamChanges()
                ? " | yes (`-Dupstream.failOnChanges=true`) |\n"
                : " | no |\n");
    out.append("| recorded deviations | ").append(result.recorded().size()).append(" | no |\n");
    out.append("| deviations that recorded nothing | ")
        .append(result.unused().size())
        .append(" | no |\n\n");

    section(
        out,
        "Unrecorded differences",
        "Our spec differs here and the deviations file does not say why. Record each (with its"
            + " reason and source) or change our spec to match.",
        result.unrecorded(),
        difference -> difference,
        difference -> "");
    section(
        out,
        "Upstream changes",
        "BigCommerce's spec says something ours does not, or changed where a deviation is"
            + " recorded.",
        result.upstreamChanges(),
        DriftResult.UpstreamChange::difference,
        change -> " — " + change.why());
    section(
        out,
        "Recorded deviations",
        "Known and explained: the reasons are listed at the end.",
        result.recorded(),
        DriftResult.Recorded::difference,
        recorded -> " — `" + recorded.deviation().id() + "`");

    out.append("## Deviations that recorded nothing (")
        .append(result.unused().size())
        .append(")\n\n");
    if (result.unused().isEmpty()) {
      out.append("None.\n\n");
    } else {
      out.append("BigCommerce's spec now agrees with ours there, or the record no longer matches")
          .append(" our spec: remove or correct these records.\n\n");
      for (Deviation deviation : result.unused()) {
        out.append("- `").append(deviation.id()).append("`\n");
      }
      out.append('\n');
    }

    Set<Deviation> applied = new TreeSet<>(Comparator.comparing(Deviation::id));
    result.recorded().forEach(recorded -> applied.add(recorded.deviation()));
    result.upstreamChanges().stream()
        .filter(change -> change.deviation() != null)
        .forEach(change -> applied.add(change.deviation()));
    out.append("## The deviations that applied, and why (").append(applied.size()).append(")\n\n");
    for (Deviation deviation : applied) {
      out.append("- **`")
          .append(deviation.id())
          .append("`**: ")
          .append(oneLine(deviation.reason()))
          .append(" Source: ")
          .append(oneLine(deviation.source()))
          .append('\n');
    }
    out.append('\n');
    return out.toString();
  }

  private static <T> void section(
      StringBuilder out,
      String heading,
      String intro,
      List<T> items,
      Function<T, Difference> difference,
      Function<T, String> note) {
    out.append("## ").append(heading).append(" (").append(items.size()).append(")\n\n");
    if (items.isEmpty()) {
      out.append("None.\n\n");
      return;
    }
    out.append(intro).append("\n\n");
    Map<String, StringBuilder> byOperation = new LinkedHashMap<>();
    for (T item : items) {
      Difference d = difference.apply(item);
      byOperation
          .computeIfAbsent(d.key().operation(), operation -> new StringBuilder())
          .append("- ")
          .append(d.describe())
          .append(note.apply(item))
          .append('\n');
    }
    byOperation.forEach(
        (operation, lines) ->
            out.append("### ").append(operation).append("\n\n").append(lines).append('\n'));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
