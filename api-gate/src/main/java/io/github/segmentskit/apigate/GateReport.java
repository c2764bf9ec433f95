package io.github.segmentskit.apigate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code api-gate.md}: the verdict, one row per published jar, and every binary-incompatible
 * change. japicmp's full reports ({@code <artifactId>.md} and {@code .html}) sit beside it.
 */
final class GateReport {

  private GateReport() {}

  static Path write(
      Path directory,
      Version released,
      Version current,
      List<ArtifactComparison> comparisons,
      GateDecision decision)
      throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Java API: ")
        .append(current)
        .append(" against the released ")
        .append(released)
        .append("\n\n## Gate: ")
        .append(decision.passed() ? "passed" : "FAILED")
        .append("\n\n```\n")
        .append(decision.message())
        .append("\n```\n\n")
        .append("| jar | compared with | binary-incompatible | source-incompatible only | other |")
        .append(" full report |\n|---|---|---|---|---|---|\n");
    for (ArtifactComparison comparison : comparisons) {
      long binary = comparison.binaryIncompatible().size();
      long source =
          comparison.changes().stream()
              .filter(c -> c.binaryCompatible() && !c.sourceCompatible())
              .count();
      long other = comparison.changes().size() - binary - source;
      boolean hasReport = Files.exists(directory.resolve(comparison.artifactId() + ".md"));
      md.append("| ")
          .append(comparison.artifactId())
          .append(" | ")
          .append(comparison.baseline())
          .append(" | ")
          .append(binary)
          .append(" | ")
          .append(source)
          .append(" | ")
          .append(other)
          .append(" | ")
          .append(
              hasReport
                  ? "[" + comparison.artifactId() + ".md](" + comparison.artifactId() + ".md)"
                  : "-")
          .append(" |\n");
    }
    md.append("\n## Binary-incompatible changes\n");
    boolean any = false;
    for (ArtifactComparison comparison : comparisons) {
      List<ApiChange> breaking = comparison.binaryIncompatible();
      if (breaking.isEmpty()) {
        continue;
      }
      any = true;
      md.append("\n### ")
          .append(comparison.artifactId())
          .append(" (")
          .append(breaking.size())
          .append(")\n\n");
      for (ApiChange change : breaking) {
        md.append("- `")
            .append(change.element())
            .append("`: ")
            .append(change.change())
            .append('\n');
      }
    }
    if (!any) {
      md.append("\nNone.\n");
    }
    Files.createDirectories(directory);
    Path summary = directory.resolve(ApiGateMain.SUMMARY);
    Files.writeString(summary, md.toString(), StandardCharsets.UTF_8);
    return summary;
  }
}
