package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a spec with swagger-parser, references kept (the facts follow them). A spec with parser
 * messages is still read if it yields a document: BigCommerce's files are not always spotless, and
 * the messages are shown, not hidden.
 */
final class SpecReader {

  /**
   * A spec as read.
   *
   * @param api the document
   * @param messages what the parser complained about, if anything
   */
  record Read(OpenAPI api, List<String> messages) {}

  private SpecReader() {}

  static Read read(Path spec, String what) {
    requireNonNull(spec, "spec == null");
    if (!Files.isRegularFile(spec)) {
      throw new DriftException(
          "No "
              + what
              + " at "
              + spec.toAbsolutePath()
              + " (a relative path is read from the"
              + " directory Maven was started in).");
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new DriftException(
          "The " + what + " at " + spec + " is not an OpenAPI 3 document: " + result.getMessages());
    }
    List<String> messages =
        result.getMessages() == null ? List.of() : List.copyOf(result.getMessages());
    return new Read(result.getOpenAPI(), messages);
  }
}
