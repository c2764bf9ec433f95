package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Flattens a spec into facts, each a value at a {@link FactKey}: what a client built from the spec
 * depends on, and nothing else.
 *
 * <ul>
 *   <li>per operation ({@code GET /segments}): {@code operation} exists, its {@code operationId},
 *       {@code deprecated};
 *   <li>parameters ({@code parameter limit (query)}; header names in lower case): exists, {@code
 *       required}, the effective {@code style} and {@code explode}, and their schema;
 *   <li>{@code request body}: exists, {@code required}, {@code media types}, and the JSON schema
 *       ({@code request body[].name});
 *   <li>responses ({@code response 201}): exists, {@code media types}, headers ({@code response 201
 *       header x-rate-limit-requests-left}: exists, required, schema), and the JSON body ({@code
 *       response 201 body.data[].id});
 *   <li>for the document: server URLs and the security schemes.
 * </ul>
 *
 * Path-level parameters count for every operation of the path. Schemas: see {@link SchemaFacts}.
 */
final class SpecFacts {

  /** The place of an operation's own facts. */
  static final String OPERATION = "operation";

  private final OpenAPI api;
  private final References references;
  private final Map<FactKey, String> facts = new TreeMap<>();

  private SpecFacts(OpenAPI api) {
    this.api = api;
    this.references = new References(api);
  }

  /** The facts of {@code api}, its paths as they are. */
  static Map<FactKey, String> of(OpenAPI api) {
    return of(api, UnaryOperator.identity());
  }

  /**
   * The facts of {@code api}, each path renamed by {@code pathName} first (to file the other spec's
   * {@code /segments/{id}} under our {@code /segments/{segmentId}}).
   */
  static Map<FactKey, String> of(OpenAPI api, UnaryOperator<String> pathName) {
    requireNonNull(api, "api == null");
    requireNonNull(pathName, "pathName == null");
    SpecFacts walker = new SpecFacts(api);
    walker.document();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) ->
                              walker.operation(
                                  method + " " + pathName.apply(path), item, operation)));
    }
    return Map.copyOf(walker.facts);
  }

  private void document() {
    if (api.getServers() != null && !api.getServers().isEmpty()) {
      put(
          FactKey.DOCUMENT,
          "servers",
          "url",
          api.getServers().stream().map(Server::getUrl).sorted().collect(Collectors.joining(", ")));
    }
    if (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null) {
      api.getComponents()
          .getSecuritySchemes()
          .forEach(
              (name, scheme) -> {
                String where = "security scheme " + name;
                put(FactKey.DOCUMENT, where, "exists", "yes");
                put(FactKey.DOCUMENT, where, "type", text(scheme.getType()));
                put(FactKey.DOCUMENT, where, "in", text(scheme.getIn()));
                put(FactKey.DOCUMENT, where, "name", scheme.getName());
              });
    }
  }

  private void operation(String name, PathItem item, Operation operation) {
    put(name, OPERATION, "exists", "yes");
    put(name, OPERATION, "operationId", operation.getOperationId());
    put(
        name,
        OPERATION,
        "deprecated",
        Boolean.TRUE.equals(operation.getDeprecated()) ? "true" : null);
    SchemaFacts schemas = new SchemaFacts(api, name, facts);
    parameters(item, operation)
        .forEach((where, parameter) -> parameter(name, where, parameter, schemas));
    if (operation.getRequestBody() != null) {
      requestBody(name, references.requestBody(operation.getRequestBody()), schemas);
    }
    if (operation.getResponses() != null) {
      operation
          .getResponses()
          .forEach(
              (status, response) -> response(name, status, references.response(response), schemas));
    }
  }

  /**
   * Path-level parameters, then the operation's, which replace those of the same name and place.
   */
  private Map<String, Parameter> parameters(PathItem item, Operation operation) {
    Map<String, Parameter> all = new LinkedHashMap<>();
    for (List<Parameter> list : Arrays.asList(item.getParameters(), operation.getParameters())) {
      if (list != null) {
        for (Parameter declared : list) {
          Parameter parameter = references.parameter(declared);
          if (parameter != null && parameter.getName() != null && parameter.getIn() != null) {
            String parameterName =
                "header".equals(parameter.getIn())
                    ? parameter.getName().toLowerCase(Locale.ROOT)
                    : parameter.getName();
            all.put("parameter " + parameterName + " (" + parameter.getIn() + ")", parameter);
          }
        }
      }
    }
    return all;
  }

  private void parameter(String name, String where, Parameter parameter, SchemaFacts schemas) {
    put(name, where, "exists", "yes");
    boolean required =
        Boolean.TRUE.equals(parameter.getRequired()) || "path".equals(parameter.getIn());
    put(name, where, "required", required ? "true" : null);
    String style =
        parameter.getStyle() != null
            ? parameter.getStyle().toString()
            : ("query".equals(parameter.getIn()) || "cookie".equals(parameter.getIn())
                ? "form"
                : "simple");
    put(name, where, "style", style);
    boolean explode =
        parameter.getExplode() != null ? parameter.getExplode() : "form".equals(style);
    put(name, where, "explode", String.valueOf(explode));
    schemas.walk(where, parameter.getSchema());
  }

  private void requestBody(String name, RequestBody body, SchemaFacts schemas) {
    if (body == null) {
      return;
    }
    String where = "request body";
    put(name, where, "exists", "yes");
    put(name, where, "required", Boolean.TRUE.equals(body.getRequired()) ? "true" : null);
    content(name, where, where, body.getContent(), schemas);
  }

  private void response(String name, String status, ApiResponse response, SchemaFacts schemas) {
    if (response == null) {
      return;
    }
    String where = "response " + status;
    put(name, where, "exists", "yes");
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach(
              (headerName, declared) -> {
                Header header = references.header(declared);
                String at = where + " header " + headerName.toLowerCase(Locale.ROOT);
                put(name, at, "exists", "yes");
                if (header != null) {
                  put(
                      name,
                      at,
                      "required",
                      Boolean.TRUE.equals(header.getRequired()) ? "true" : null);
                  schemas.walk(at, header.getSchema());
                }
              });
    }
    content(name, where, where + " body", response.getContent(), schemas);
  }

  /** Media types at {@code where}; the JSON schema's facts at {@code bodyWhere}. */
  private void content(
      String name, String where, String bodyWhere, Content content, SchemaFacts schemas) {
    if (content == null || content.isEmpty()) {
      return;
    }
    put(
        name,
        where,
        "media types",
        content.keySet().stream().sorted().collect(Collectors.joining(", ")));
    MediaType json = content.get("application/json");
    if (json == null) {
      json =
          content.entrySet().stream()
              .filter(e -> e.getKey().contains("json"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    if (json != null) {
      schemas.walk(bodyWhere, json.getSchema());
    }
  }

  private void put(String operation, String where, String aspect, String value) {
    if (value != null) {
      facts.put(new FactKey(operation, where, aspect), value);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
