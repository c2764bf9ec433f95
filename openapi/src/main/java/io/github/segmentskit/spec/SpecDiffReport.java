package io.github.segmentskit.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the spec-change report, {@code <spec>.diff.md} and {@code <spec>.diff.html}: the gate's
 * verdict, the breaking and compatible changes in words, then openapi-diff's detailed report.
 */
final class SpecDiffReport {

  /** The files written. */
  record ReportFiles(Path markdown, Path html) {}

  private SpecDiffReport() {}

  /**
   * Writes the report on {@code specFileName} (e.g. {@code segments.v3.yaml}) into {@code
   * directory}, creating it if needed, and returns the files written.
   */
  static ReportFiles write(
      Path directory, String specFileName, SpecDiffResult diff, GateDecision decision) {
    requireNonNull(directory, "directory == null");
    requireNonNull(specFileName, "specFileName == null");
    requireNonNull(diff, "diff == null");
    requireNonNull(decision, "decision == null");
    String baseName = specFileName.replaceFirst("\\.(ya?ml|json)$", "");
    String title = specFileName + ": changes since the released " + diff.releasedVersion();
    Path markdown = directory.resolve(baseName + ".diff.md");
    Path html = directory.resolve(baseName + ".diff.html");
    try {
      Files.createDirectories(directory);
      Files.writeString(markdown, markdown(title, diff, decision), UTF_8);
      Files.writeString(html, html(title, diff, decision), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the spec-change report to " + directory, e);
    }
    return new ReportFiles(markdown, html);
  }

  private static String markdown(String title, SpecDiffResult diff, GateDecision decision) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(title).append("\n\n");
    out.append("## Gate: ").append(decision.passed() ? "passed" : "FAILED").append("\n\n");
    out.append("```\n").append(decision.message()).append("\n```\n\n");
    markdownList(out, "Breaking changes", diff.breakingChanges());
    markdownList(out, "Compatible changes", diff.compatibleChanges());
    out.append("## Details from openapi-diff\n\n");
    out.append("openapi-diff judges the wire only; the gate also counts as breaking what breaks ")
        .append("the generated Java client (a removed field, a renamed operationId), so its ")
        .append("verdict below may be milder.\n\n");
    out.append(diff.markdownDetails().replaceFirst("^#+ ", "### "));
    return out.toString();
  }

  private static void markdownList(StringBuilder out, String heading, List<SpecChange> changes) {
    out.append("## ").append(heading).append(" (").append(changes.size()).append(")\n\n");
    if (changes.isEmpty()) {
      out.append("None.\n\n");
      return;
    }
    for (SpecChange change : changes) {
      out.append("- ").append(change.description().replace("*", "\\*")).append('\n');
    }
    out.append('\n');
  }

  private static String html(String title, SpecDiffResult diff, GateDecision decision) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}\n")
        .append(".passed{color:#176f2c}.failed{color:#b00020}\n")
        .append(".breaking{color:#b00020}.compatible{color:#176f2c}\n")
        .append("pre{background:#f4f4f4;padding:1em;white-space:pre-wrap}\n")
        .append("</style>\n</head>\n<body>\n");
    out.append("<h1>").append(escape(title)).append("</h1>\n");
    out.append("<h2 class=\"")
        .append(decision.passed() ? "passed\">Gate: passed" : "failed\">Gate: FAILED")
        .append("</h2>\n");
    out.append("<pre>").append(escape(decision.message())).append("</pre>\n");
    htmlList(out, "Breaking changes", "breaking", diff.breakingChanges());
    htmlList(out, "Compatible changes", "compatible", diff.compatibleChanges());
    out.append("<section id=\"openapi-diff\">\n")
        .append(diff.htmlDetails())
        .append("\n</section>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void htmlList(
      StringBuilder out, String heading, String cssClass, List<SpecChange> changes) {
    out.append("<h2>").append(heading).append(" (").append(changes.size()).append(")</h2>\n");
    if (changes.isEmpty()) {
      out.append("<p>None.</p>\n");
      return;
    }
    out.append("<ul class=\"").append(cssClass).append("\">\n");
    for (SpecChange change : changes) {
      out.append("<li>").append(escape(change.description())).append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
