package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDiffReportTest {

  private static final SpecDiffResult DIFF =
      new SpecDiffResult(
          "1.0.0",
          List.of(
              SpecChange.breaking("GET /segments: removed query parameter 'page'"),
              SpecChange.compatible("GET /segments 200 response: added header 'X-<Trace>'")),
          "### Title (v 1.0.0)\n\nopenapi-diff markdown\n",
          "<div>openapi-diff html</div>");

  @Test
  void writesMarkdownWithVerdictChangesAndDetails(@TempDir Path dir) throws IOException {
    SpecDiffReport.ReportFiles files =
        SpecDiffReport.write(
            dir.resolve("spec-diff"), "segments.v3.yaml", DIFF, GateDecision.fail("Nope."));

    assertThat(files.markdown()).hasFileName("segments.v3.diff.md");
    assertThat(Files.readString(files.markdown()))
        .startsWith("# segments.v3.yaml: changes since the released 1.0.0\n")
        .contains("## Gate: FAILED\n\n```\nNope.\n```")
        .contains("## Breaking changes (1)\n\n- GET /segments: removed query parameter 'page'\n")
        .contains("## Compatible changes (1)\n\n- GET /segments 200 response: added header")
        .contains("openapi-diff markdown");
  }

  @Test
  void writesHtmlWithTheChangesEscaped(@TempDir Path dir) throws IOException {
    SpecDiffReport.ReportFiles files =
        SpecDiffReport.write(dir, "segments.v3.yaml", DIFF, GateDecision.pass("Fine."));

    assertThat(files.html()).hasFileName("segments.v3.diff.html");
    assertThat(Files.readString(files.html()))
        .contains("<h2 class=\"passed\">Gate: passed</h2>")
        .contains("<li>GET /segments: removed query parameter 'page'</li>")
        .contains("added header 'X-&lt;Trace&gt;'")
        .contains("<div>openapi-diff html</div>");
  }
}
