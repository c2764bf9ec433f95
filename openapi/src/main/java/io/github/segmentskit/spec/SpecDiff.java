package io.github.segmentskit.spec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.BackwardIncompatibleProp;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * Compares the released spec with the current one using openapi-diff, the only class (with {@link
 * SpecChangeWalker}) that touches openapi-diff.
 *
 * <p>On top of openapi-diff's defaults, two checks it leaves off are switched on, because the
 * generated Java client turns them into source changes: a renamed {@code operationId} (the client
 * method is renamed) and a raised {@code minLength} in a request (values that were accepted are
 * refused).
 */
final class SpecDiff {

  private SpecDiff() {}

  /** Compares {@code released} (the baseline) with {@code current}. */
  static SpecDiffResult compare(Path released, Path current) {
    requireNonNull(released, "released == null");
    requireNonNull(current, "current == null");
    ChangedOpenApi diff =
        OpenApiCompare.fromFiles(released.toFile(), current.toFile(), null, options());
    return new SpecDiffResult(
        version(diff.getOldSpecOpenApi(), released),
        SpecChangeWalker.describe(diff),
        render(new MarkdownRender(), diff),
        htmlBody(render(new HtmlRender("Details from openapi-diff", ""), diff)));
  }

  private static OpenApiDiffOptions options() {
    return OpenApiDiffOptions.builder()
        .configProperty(BackwardIncompatibleProp.OPERATION_ID_CHANGED.getPropertyName(), "true")
        .configProperty(
            BackwardIncompatibleProp.REQUEST_MIN_LENGTH_INCREASED.getPropertyName(), "true")
        .build();
  }

  private static String version(OpenAPI api, Path spec) {
    if (api == null || api.getInfo() == null || api.getInfo().getVersion() == null) {
      throw new IllegalArgumentException(spec + " has no info.version");
    }
    return api.getInfo().getVersion();
  }

  /**
   * Renders through a UTF-8 writer: the renderers' own String variant uses the platform charset.
   */
  private static String render(Render renderer, ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, UTF_8)) {
      renderer.render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the spec diff", e);
    }
    return bytes.toString(UTF_8);
  }

  /** HtmlRender writes a whole page that links a remote stylesheet; the report keeps its body. */
  private static String htmlBody(String page) {
    int bodyStart = page.indexOf("<body>");
    int bodyEnd = page.lastIndexOf("</body>");
    if (bodyStart < 0 || bodyEnd < bodyStart) {
      return page;
    }
    return page.substring(bodyStart + "<body>".length(), bodyEnd);
  }
}
