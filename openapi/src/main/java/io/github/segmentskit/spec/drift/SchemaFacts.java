package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts of one schema and everything inside it, each at a place named by a path: {@code
 * response 201 body} for the root, {@code .name} for a property, {@code []} for the items of an
 * array, {@code .*} for the values of a map. References are followed and {@code allOf} parts
 * merged, so two specs that say the same thing in different shapes give the same facts.
 *
 * <p>Aspects: {@code exists} and {@code required} of properties and items; {@code type}, {@code
 * format}, {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum},
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code minItems}, {@code maxItems}, {@code
 * uniqueItems}, {@code enum}, {@code default}, {@code nullable}, {@code readOnly}, {@code
 * writeOnly}, {@code additionalProperties: false}, and {@code oneOf} / {@code anyOf} (their number
 * of choices, not descended); the values of a map ({@code additionalProperties} with a schema) are
 * a place of their own, {@code .*}. Descriptions and examples are documentation, not facts.
 * Defaults of OpenAPI are facts left out: {@code nullable: false}, {@code uniqueItems: false},
 * {@code additionalProperties: true}.
 */
final class SchemaFacts {

  private static final int MAX_DEPTH = 24;

  private final References references;
  private final String operation;
  private final Map<FactKey, String> facts;

  SchemaFacts(OpenAPI api, String operation, Map<FactKey, String> facts) {
    this.references = new References(requireNonNull(api, "api == null"));
    this.operation = requireNonNull(operation, "operation == null");
    this.facts = requireNonNull(facts, "facts == null");
  }

  /** Records the facts of {@code schema} (may be null: nothing to record) at {@code where}. */
  void walk(String where, Schema<?> schema) {
    walk(where, schema, new ArrayDeque<>());
  }

  private void walk(String where, Schema<?> schema, Deque<String> refs) {
    if (schema == null || refs.size() > MAX_DEPTH) {
      return;
    }
    List<Schema<?>> parts = new ArrayList<>();
    flatten(schema, refs, parts, new ArrayDeque<>());
    if (parts.isEmpty()) {
      return;
    }
    Merged merged = new Merged(parts);

    put(where, "type", merged.type());
    put(where, "format", merged.first(Schema::getFormat));
    put(where, "minimum", number(merged.first(Schema::getMinimum)));
    put(where, "maximum", number(merged.first(Schema::getMaximum)));
    put(where, "exclusiveMinimum", trueOnly(merged.first(Schema::getExclusiveMinimum)));
    put(where, "exclusiveMaximum", trueOnly(merged.first(Schema::getExclusiveMaximum)));
    put(where, "minLength", text(merged.first(Schema::getMinLength)));
    put(where, "maxLength", text(merged.first(Schema::getMaxLength)));
    put(where, "pattern", merged.first(Schema::getPattern));
    put(where, "minItems", text(merged.first(Schema::getMinItems)));
    put(where, "maxItems", text(merged.first(Schema::getMaxItems)));
    put(where, "uniqueItems", trueOnly(merged.first(Schema::getUniqueItems)));
    put(where, "enum", enumeration(merged.first(Schema::getEnum)));
    put(where, "default", text(merged.first(Schema::getDefault)));
    put(where, "nullable", trueOnly(merged.first(Schema::getNullable)));
    put(where, "readOnly", trueOnly(merged.first(Schema::getReadOnly)));
    put(where, "writeOnly", trueOnly(merged.first(Schema::getWriteOnly)));
    put(where, "oneOf", count(merged.first(Schema::getOneOf)));
    put(where, "anyOf", count(merged.first(Schema::getAnyOf)));

    String ref = schema.get$ref();
    if (ref != null) {
      refs.push(ref);
    }
    Set<String> required = merged.required();
    merged
        .properties()
        .forEach(
            (name, property) -> {
              String child = where + "." + name;
              put(child, "exists", "yes");
              put(child, "required", required.contains(name) ? "true" : null);
              walk(child, property, refs);
            });
    Schema<?> items = merged.first(Schema::getItems);
    if (items != null) {
      put(where + "[]", "exists", "yes");
      walk(where + "[]", items, refs);
    }
    Object additional = merged.first(Schema::getAdditionalProperties);
    if (Boolean.FALSE.equals(additional)) {
      put(where, "additionalProperties", "false");
    } else if (additional instanceof Schema<?> values) {
      put(where + ".*", "exists", "yes");
      walk(where + ".*", values, refs);
    }
    if (ref != null) {
      refs.pop();
    }
  }

  /** The schema itself and its allOf parts, references followed; a cycle stops. */
  private void flatten(
      Schema<?> schema, Deque<String> outer, List<Schema<?>> parts, Deque<String> seen) {
    Schema<?> current = schema;
    while (current != null && current.get$ref() != null) {
      String ref = current.get$ref();
      if (seen.contains(ref) || outer.contains(ref)) {
        return; // a schema inside itself: its facts are recorded further out
      }
      seen.push(ref);
      current = references.schema(ref);
    }
    if (current == null) {
      return;
    }
    parts.add(current);
    if (current.getAllOf() != null) {
      for (Schema<?> part : current.getAllOf()) {
        flatten(part, outer, parts, seen);
      }
    }
  }

  private void put(String where, String aspect, String value) {
    if (value != null) {
      facts.put(new FactKey(operation, where, aspect), value);
    }
  }

  private static String number(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static String trueOnly(Boolean value) {
    return Boolean.TRUE.equals(value) ? "true" : null;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return number(decimal);
    }
    return value == null ? null : value.toString();
  }

  private static String enumeration(List<?> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).get();
  }

  private static String count(List<?> choices) {
    return choices == null || choices.isEmpty() ? null : String.valueOf(choices.size());
  }

  /** A schema and its allOf parts read as one. */
  private static final class Merged {
    private final List<Schema<?>> parts;

    Merged(List<Schema<?>> parts) {
      this.parts = parts;
    }

    <T> T first(Function<Schema<?>, T> read) {
      return parts.stream().map(read).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The declared type; an untyped schema with properties is an object, with items an array. */
    String type() {
      String type = first(Schema::getType);
      if (type != null) {
        return type;
      }
      if (!properties().isEmpty()) {
        return "object";
      }
      return first(Schema::getItems) != null ? "array" : null;
    }

    Map<String, Schema<?>> properties() {
      Map<String, Schema<?>> all = new LinkedHashMap<>();
      for (Schema<?> part : parts) {
        if (part.getProperties() != null) {
          part.getProperties().forEach(all::putIfAbsent);
        }
      }
      return all;
    }

    Set<String> required() {
      Set<String> all = new LinkedHashSet<>();
      for (Schema<?> part : parts) {
        if (part.getRequired() != null) {
          all.addAll(part.getRequired());
        }
      }
      return all;
    }
  }
}
