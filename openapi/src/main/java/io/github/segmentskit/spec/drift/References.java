package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows {@code $ref}s to the components of one document ({@code #/components/...}); a reference
 * elsewhere, or to nothing, gives null.
 */
final class References {

  private final Components components;

  References(OpenAPI api) {
    this.components = requireNonNull(api, "api == null").getComponents();
  }

  Parameter parameter(Parameter parameter) {
    return follow(parameter, parameter.get$ref(), "parameters", Components::getParameters);
  }

  RequestBody requestBody(RequestBody body) {
    return follow(body, body.get$ref(), "requestBodies", Components::getRequestBodies);
  }

  ApiResponse response(ApiResponse response) {
    return follow(response, response.get$ref(), "responses", Components::getResponses);
  }

  Header header(Header header) {
    return follow(header, header.get$ref(), "headers", Components::getHeaders);
  }

  /** The schema a {@code #/components/schemas/...} reference names. */
  Schema<?> schema(String ref) {
    return follow(null, ref, "schemas", Components::getSchemas);
  }

  private <T> T follow(
      T declared, String ref, String kind, Function<Components, Map<String, T>> section) {
    if (ref == null) {
      return declared;
    }
    String prefix = "#/components/" + kind + "/";
    if (components == null || !ref.startsWith(prefix) || section.apply(components) == null) {
      return null;
    }
    return section.apply(components).get(ref.substring(prefix.length()));
  }
}
