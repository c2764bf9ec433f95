package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec's quality gate: parses a spec with swagger-parser and reports every problem found.
 *
 * <p>OpenAPI Generator's own {@code validate} goal only catches structural errors; this also
 * catches unknown schema types and formats (a typo such as {@code type: strin}), JSON bodies
 * without an example, and examples that their own schema rejects (validated with Atlassian's schema
 * validator, which checks formats such as {@code uuid} and {@code date-time}).
 */
final class SpecLint {

  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "array", "object");
  private static final Map<String, Set<String>> FORMATS =
      Map.of(
          "string",
              Set.of("uuid", "date-time", "date", "byte", "binary", "password", "email", "uri"),
          "integer", Set.of("int32", "int64"),
          "number", Set.of("float", "double"));

  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final List<String> problems = new ArrayList<>();
  private final Map<Schema<?>, Boolean> visited = new IdentityHashMap<>();
  private OpenAPI api;
  private SchemaValidator validator;

  private SpecLint() {}

  /** Returns the problems of the spec at {@code spec}; an empty list means it passed. */
  static List<String> check(Path spec) {
    requireNonNull(spec, "spec == null");
    SpecLint lint = new SpecLint();
    lint.run(spec);
    return List.copyOf(lint.problems);
  }

  /** Parses the spec (references resolved, not inlined); throws if it has any parse message. */
  static OpenAPI parse(Path spec) {
    SwaggerParseResult result = parseResult(spec);
    if (result.getOpenAPI() == null || !result.getMessages().isEmpty()) {
      throw new IllegalArgumentException(spec + " does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  private static SwaggerParseResult parseResult(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
  }

  private void run(Path spec) {
    SwaggerParseResult result = parseResult(spec);
    if (result.getMessages() != null) {
      result.getMessages().forEach(message -> problems.add("parser: " + message));
    }
    api = result.getOpenAPI();
    if (api == null) {
      problems.add("parser: no OpenAPI document in " + spec);
      return;
    }
    if (!"3.0.3".equals(api.getOpenapi())) {
      problems.add("openapi: expected 3.0.3, found " + api.getOpenapi());
    }
    validator = new SchemaValidator(api, new MessageResolver());

    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents()
          .getSchemas()
          .forEach((name, schema) -> checkSchema("#/components/schemas/" + name, schema));
    }
    if (api.getComponents() != null && api.getComponents().getHeaders() != null) {
      api.getComponents()
          .getHeaders()
          .forEach((name, header) -> checkHeader("#/components/headers/" + name, header));
    }
    if (api.getPaths() != null) {
      api.getPaths().forEach(this::checkPath);
    }
  }

  private void checkPath(String path, PathItem item) {
    item.readOperationsMap()
        .forEach((method, operation) -> checkOperation(method + " " + path, operation));
  }

  private void checkOperation(String where, Operation operation) {
    if (operation.getOperationId() == null) {
      problems.add(where + ": no operationId");
    }
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        checkParameter(where + " parameter " + parameter.getName(), resolve(parameter));
      }
    }
    if (operation.getRequestBody() != null) {
      Content content = resolveRequestBodyContent(operation);
      checkContent(where + " request body", content);
    }
    if (operation.getResponses() == null || operation.getResponses().isEmpty()) {
      problems.add(where + ": no responses");
      return;
    }
    operation
        .getResponses()
        .forEach(
            (status, response) -> {
              ApiResponse resolved = resolve(response);
              String at = where + " -> " + status;
              checkContent(at, resolved.getContent());
              if (resolved.getHeaders() != null) {
                resolved.getHeaders().forEach((name, h) -> checkHeader(at + " header " + name, h));
              }
            });
  }

  private void checkParameter(String where, Parameter parameter) {
    if (parameter.getSchema() == null) {
      problems.add(where + ": no schema");
      return;
    }
    checkSchema(where, parameter.getSchema());
    if (parameter.getExample() == null) {
      problems.add(where + ": no example");
    } else {
      checkExample(where + " example", parameter.getExample(), parameter.getSchema());
    }
  }

  private void checkHeader(String where, Header header) {
    Header resolved = header;
    if (header.get$ref() != null) {
      resolved = api.getComponents().getHeaders().get(simpleName(header.get$ref()));
      if (resolved == null) {
        problems.add(where + ": unresolved " + header.get$ref());
        return;
      }
    }
    if (resolved.getSchema() != null) {
      checkSchema(where, resolved.getSchema());
      if (resolved.getExample() != null) {
        checkExample(where + " example", resolved.getExample(), resolved.getSchema());
      }
    }
  }

  private void checkContent(String where, Content content) {
    if (content == null) {
      return;
    }
    content.forEach(
        (mediaType, media) -> {
          String at = where + " (" + mediaType + ")";
          checkMedia(at, media);
        });
  }

  private void checkMedia(String where, MediaType media) {
    if (media.getSchema() == null) {
      problems.add(where + ": no schema");
      return;
    }
    checkSchema(where, media.getSchema());
    boolean hasExample = false;
    if (media.getExample() != null) {
      hasExample = true;
      checkExample(where + " example", media.getExample(), media.getSchema());
    }
    if (media.getExamples() != null) {
      for (Map.Entry<String, Example> named : media.getExamples().entrySet()) {
        Example example = resolve(named.getValue());
        if (example.getValue() != null) {
          hasExample = true;
          checkExample(
              where + " example '" + named.getKey() + "'", example.getValue(), media.getSchema());
        }
      }
    }
    if (!hasExample) {
      problems.add(where + ": no example");
    }
  }

  private void checkSchema(String where, Schema<?> schema) {
    if (schema == null || visited.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = simpleName(schema.get$ref());
      if (api.getComponents() == null
          || api.getComponents().getSchemas() == null
          || !api.getComponents().getSchemas().containsKey(name)) {
        problems.add(where + ": unresolved " + schema.get$ref());
      }
      return;
    }
    String type = schema.getType();
    if (type == null) {
      problems.add(where + ": schema without a type");
    } else if (!TYPES.contains(type)) {
      problems.add(where + ": unknown type '" + type + "'");
    }
    String format = schema.getFormat();
    if (format != null && type != null) {
      Set<String> known = FORMATS.getOrDefault(type, Set.of());
      if (!known.contains(format)) {
        problems.add(where + ": unknown format '" + format + "' for type " + type);
      }
    }
    if ("array".equals(type) && schema.getItems() == null) {
      problems.add(where + ": array without items");
    }
    if (schema.getRequired() != null) {
      for (String required : schema.getRequired()) {
        if (schema.getProperties() == null || !schema.getProperties().containsKey(required)) {
          problems.add(where + ": required property '" + required + "' is not defined");
        }
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((name, property) -> checkSchema(where + "." + name, property));
    }
    if (schema.getItems() != null) {
      checkSchema(where + "[]", schema.getItems());
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      checkSchema(where + ".*", additional);
    }
    if (schema.getExample() != null) {
      checkExample(where + " example", schema.getExample(), schema);
    }
  }

  private void checkExample(String where, Object example, Schema<?> schema) {
    JsonNode node;
    try {
      node = Json.mapper().valueToTree(example);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": cannot be read as JSON: " + e.getMessage());
      return;
    }
    ValidationReport report = validator.validate(() -> node, schema, "example");
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(where + ": " + message.getMessage());
      }
    }
    checkCanonicalUuids(where, node, schema, 0);
  }

  /**
   * The schema validator checks {@code format: uuid} with {@code UUID.fromString}, which accepts
   * {@code 1-1-1-1-1}; the API only knows the canonical 8-4-4-4-12 form, so examples must use it.
   */
  private void checkCanonicalUuids(String where, JsonNode node, Schema<?> schema, int depth) {
    Schema<?> resolved = resolve(schema);
    if (resolved == null || node == null || depth > 16) {
      return;
    }
    if ("uuid".equals(resolved.getFormat())
        && node.isTextual()
        && !CANONICAL_UUID.matcher(node.asText()).matches()) {
      problems.add(where + ": '" + node.asText() + "' is not a canonical 8-4-4-4-12 UUID");
    }
    if (node.isArray() && resolved.getItems() != null) {
      node.forEach(item -> checkCanonicalUuids(where, item, resolved.getItems(), depth + 1));
    }
    if (node.isObject() && resolved.getProperties() != null) {
      resolved
          .getProperties()
          .forEach(
              (name, property) -> checkCanonicalUuids(where, node.get(name), property, depth + 1));
    }
  }

  private Schema<?> resolve(Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return schema;
    }
    return api.getComponents().getSchemas().get(simpleName(schema.get$ref()));
  }

  private Content resolveRequestBodyContent(Operation operation) {
    var body = operation.getRequestBody();
    if (body.get$ref() != null) {
      body = api.getComponents().getRequestBodies().get(simpleName(body.get$ref()));
    }
    return body == null ? null : body.getContent();
  }

  private Parameter resolve(Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    Parameter resolved = api.getComponents().getParameters().get(simpleName(parameter.get$ref()));
    return resolved == null ? parameter : resolved;
  }

  private ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    ApiResponse resolved = api.getComponents().getResponses().get(simpleName(response.get$ref()));
    return resolved == null ? response : resolved;
  }

  private Example resolve(Example example) {
    if (example.get$ref() == null) {
      return example;
    }
    Example resolved = api.getComponents().getExamples().get(simpleName(example.get$ref()));
    return resolved == null ? example : resolved;
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
