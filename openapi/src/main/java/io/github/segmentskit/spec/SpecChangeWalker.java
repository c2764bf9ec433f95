package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffContext;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedOperationId;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * Turns openapi-diff's tree of differences into a flat list of {@link SpecChange}s, one sentence
 * each, such as {@code POST /segments request body: field 'description' is now required}.
 *
 * <p>A change is breaking where openapi-diff says so (its defaults, plus the options {@link
 * SpecDiff} sets), and, stricter than openapi-diff, wherever the generated Java client would stop
 * compiling for its users: a removed field (request or response) removes a getter or setter of the
 * generated model, and a changed format changes the field's Java type (openapi-diff 2.1.7 already
 * reports most format changes as type changes). If openapi-diff finds an operation incompatible for
 * a reason no sentence here covers, a catch-all breaking change says so: the list never reads as
 * compatible while openapi-diff says it is not.
 */
final class SpecChangeWalker {

  /** Constraints described as "name old -> new"; breaking where openapi-diff says so. */
  private static final List<Constraint> CONSTRAINTS =
      List.of(
          new Constraint("maxLength", ChangedSchema::getMaxLength, Schema::getMaxLength),
          new Constraint("minLength", ChangedSchema::getMinLength, Schema::getMinLength),
          new Constraint("range", ChangedSchema::getNumericRange, SpecChangeWalker::range),
          new Constraint("multipleOf", ChangedSchema::getMultipleOf, Schema::getMultipleOf),
          new Constraint("maxItems", ChangedSchema::getMaxItems, Schema::getMaxItems),
          new Constraint("minItems", ChangedSchema::getMinItems, Schema::getMinItems),
          new Constraint(
              "maxProperties", ChangedSchema::getMaxProperties, Schema::getMaxProperties),
          new Constraint(
              "minProperties", ChangedSchema::getMinProperties, Schema::getMinProperties),
          new Constraint("nullable", ChangedSchema::getNullable, Schema::getNullable),
          new Constraint("uniqueItems", ChangedSchema::getUniqueItems, Schema::getUniqueItems),
          new Constraint("pattern", ChangedSchema::getPattern, Schema::getPattern),
          new Constraint("readOnly", ChangedSchema::getReadOnly, Schema::getReadOnly),
          new Constraint("writeOnly", ChangedSchema::getWriteOnly, Schema::getWriteOnly),
          new Constraint(
              "oneOf",
              ChangedSchema::getOneOfSchema,
              schema -> schema.getOneOf() == null ? null : schema.getOneOf().size() + " schemas"));

  private final List<SpecChange> changes = new ArrayList<>();
  private final Set<ChangedSchema> descending = Collections.newSetFromMap(new IdentityHashMap<>());

  private SpecChangeWalker() {}

  /**
   * The changes of {@code diff}, without duplicates, sorted by description (so by operation):
   * openapi-diff's own order varies with hashing.
   */
  static List<SpecChange> describe(ChangedOpenApi diff) {
    requireNonNull(diff, "diff == null");
    SpecChangeWalker walker = new SpecChangeWalker();
    walker.walk(diff);
    return walker.changes.stream()
        .distinct()
        .sorted(Comparator.comparing(SpecChange::description))
        .toList();
  }

  private void walk(ChangedOpenApi diff) {
    for (Endpoint endpoint : orEmpty(diff.getNewEndpoints())) {
      add(false, endpoint(endpoint) + ": added operation" + operationId(endpoint.getOperation()));
    }
    for (Endpoint endpoint : orEmpty(diff.getMissingEndpoints())) {
      add(true, endpoint(endpoint) + ": removed operation" + operationId(endpoint.getOperation()));
    }
    for (Endpoint endpoint : orEmpty(diff.getDeprecatedEndpoints())) {
      add(false, endpoint(endpoint) + ": deprecated");
    }
    for (ChangedOperation operation : orEmpty(diff.getChangedOperations())) {
      operation(operation);
    }
    catchAll(0, diff, "the API");
    if (changes.isEmpty() && diff.isDifferent()) {
      add(false, "documentation only (descriptions, summaries, examples)");
    }
  }

  private void operation(ChangedOperation operation) {
    String at = operation.getHttpMethod() + " " + operation.getPathUrl();
    int mark = changes.size();
    ChangedOperationId id = operation.getOperationId();
    if (id != null && id.isDifferent()) {
      add(
          id.isIncompatible(),
          at
              + ": operationId '"
              + id.getLeft()
              + "' renamed to '"
              + id.getRight()
              + "' (renames the generated client method)");
    }
    if (operation.isDeprecated()) {
      add(false, at + ": deprecated");
    }
    parameters(at, operation.getParameters());
    requestBody(at, operation.getRequestBody());
    responses(at, operation.getApiResponses());
    catchAll(mark, operation, at);
  }

  private void parameters(String at, ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter missing : orEmpty(parameters.getMissing())) {
      add(true, at + ": removed " + missing.getIn() + " parameter '" + missing.getName() + "'");
    }
    for (Parameter added : orEmpty(parameters.getIncreased())) {
      boolean required = Boolean.TRUE.equals(added.getRequired());
      add(
          required,
          at
              + ": added "
              + (required ? "required " : "optional ")
              + added.getIn()
              + " parameter '"
              + added.getName()
              + "'");
    }
    for (ChangedParameter changed : orEmpty(parameters.getChanged())) {
      String parameter = at + ": " + changed.getIn() + " parameter '" + changed.getName() + "'";
      int mark = changes.size();
      if (changed.isChangeRequired()) {
        boolean nowRequired = Boolean.TRUE.equals(changed.getNewParameter().getRequired());
        add(nowRequired, parameter + (nowRequired ? " is now required" : " is now optional"));
      }
      if (changed.isDeprecated()) {
        add(false, parameter + " is deprecated");
      }
      if (changed.isChangeStyle() || changed.isChangeExplode()) {
        add(changed.isIncompatible(), parameter + " is serialised differently (style/explode)");
      }
      schema(parameter, "", changed.getSchema());
      content(parameter, changed.getContent());
      catchAll(mark, changed, parameter);
    }
  }

  private void requestBody(String at, ChangedRequestBody body) {
    if (body == null) {
      return;
    }
    String where = at + " request body";
    if (body.isChangeRequired()) {
      boolean nowRequired =
          body.getNewRequestBody() != null
              && Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
      add(nowRequired, where + (nowRequired ? " is now required" : " is now optional"));
    }
    content(where, body.getContent());
  }

  private void responses(String at, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    for (String status : responses.getMissing().keySet()) {
      add(true, at + ": removed response " + status);
    }
    for (String status : responses.getIncreased().keySet()) {
      add(false, at + ": added response " + status);
    }
    for (Map.Entry<String, ChangedResponse> changed : responses.getChanged().entrySet()) {
      String where = at + " " + changed.getKey() + " response";
      headers(where, changed.getValue().getHeaders());
      content(where, changed.getValue().getContent());
    }
  }

  private void headers(String where, ChangedHeaders headers) {
    if (headers == null) {
      return;
    }
    for (String name : headers.getMissing().keySet()) {
      add(true, where + ": removed header '" + name + "'");
    }
    for (String name : headers.getIncreased().keySet()) {
      add(false, where + ": added header '" + name + "'");
    }
    for (Map.Entry<String, ChangedHeader> changed : headers.getChanged().entrySet()) {
      String header = where + ": header '" + changed.getKey() + "'";
      int mark = changes.size();
      if (changed.getValue().isRequired()) {
        add(changed.getValue().isIncompatible(), header + " changed whether it is required");
      }
      schema(header, "", changed.getValue().getSchema());
      catchAll(mark, changed.getValue(), header);
    }
  }

  private void content(String where, ChangedContent content) {
    if (content == null) {
      return;
    }
    for (String mediaType : content.getMissing().keySet()) {
      add(true, where + ": removed media type " + mediaType);
    }
    for (String mediaType : content.getIncreased().keySet()) {
      add(false, where + ": added media type " + mediaType);
    }
    for (ChangedMediaType changed : content.getChanged().values()) {
      schema(where, "", changed.getSchema());
    }
  }

  /**
   * Describes the changes of one schema and, recursively, of its properties and items. {@code path}
   * names the field inside the body ({@code data[].name}); empty for the body itself.
   */
  private void schema(String where, String path, ChangedSchema schema) {
    if (schema == null || !descending.add(schema)) {
      return;
    }
    int mark = changes.size();
    String subject = path.isEmpty() ? where : where + ": field '" + path + "'";
    Schema<?> before = schema.getOldSchema();
    Schema<?> after = schema.getNewSchema();
    boolean response = isResponse(schema.getContext());

    if (schema.isChangedType()) {
      add(true, subject + " changed type from " + type(before) + " to " + type(after));
    } else if (schema.isChangeFormat()) {
      add(
          true,
          subject
              + " changed format from "
              + format(before)
              + " to "
              + format(after)
              + " (changes the generated Java type)");
    }
    enumeration(subject, schema.getEnumeration());

    Set<String> addedFields = schema.getIncreasedProperties().keySet();
    Set<String> removedFields = schema.getMissingProperties().keySet();
    for (String field : removedFields) {
      add(true, where + ": removed field '" + join(path, field) + "'");
    }
    for (Map.Entry<String, Schema<?>> added : schema.getIncreasedProperties().entrySet()) {
      boolean required = after != null && contains(after.getRequired(), added.getKey());
      add(
          required && !response,
          where
              + ": added "
              + (required ? "required" : "optional")
              + " field '"
              + join(path, added.getKey())
              + "' of type "
              + type(added.getValue()));
    }
    ChangedRequired required = schema.getRequired();
    if (required != null && required.isDifferent()) {
      for (String field : required.getIncreased()) {
        if (!addedFields.contains(field)) {
          add(!response, where + ": field '" + join(path, field) + "' is now required");
        }
      }
      for (String field : required.getMissing()) {
        if (!removedFields.contains(field)) {
          add(response, where + ": field '" + join(path, field) + "' is now optional");
        }
      }
    }
    for (Map.Entry<String, ChangedSchema> changed : schema.getChangedProperties().entrySet()) {
      schema(where, join(path, changed.getKey()), changed.getValue());
    }
    schema(where, path + "[]", schema.getItems());
    schema(where, join(path, "*"), schema.getAddProp());

    for (Constraint constraint : CONSTRAINTS) {
      Changed changed = constraint.change().apply(schema);
      if (changed != null && changed.isDifferent()) {
        add(
            changed.isIncompatible(),
            subject
                + ": "
                + constraint.name()
                + " "
                + value(before, constraint.value())
                + " -> "
                + value(after, constraint.value()));
      }
    }
    if (schema.isChangeDefault()) {
      add(
          false,
          subject
              + ": default "
              + value(before, Schema::getDefault)
              + " -> "
              + value(after, Schema::getDefault));
    }
    if (schema.isChangeDeprecated()) {
      boolean deprecated = after != null && Boolean.TRUE.equals(after.getDeprecated());
      add(false, subject + (deprecated ? " is deprecated" : " is no longer deprecated"));
    }
    if (schema.isDiscriminatorPropertyChanged()) {
      add(true, subject + ": discriminator changed");
    }
    catchAll(mark, schema, subject);
    descending.remove(schema);
  }

  private void enumeration(String subject, ChangedEnum<?> enumeration) {
    if (enumeration == null || !enumeration.isDifferent()) {
      return;
    }
    // Narrowing breaks requests (old values are refused); widening breaks responses (unknown
    // values reach old clients). openapi-diff's verdict covers the node; it applies to one side.
    boolean response = isResponse(enumeration.getContext());
    if (!enumeration.getMissing().isEmpty()) {
      add(
          !response && enumeration.isIncompatible(),
          subject + " no longer allows " + enumeration.getMissing());
    }
    if (!enumeration.getIncreased().isEmpty()) {
      add(
          response && enumeration.isIncompatible(),
          subject + " now also allows " + enumeration.getIncreased());
    }
  }

  /**
   * Adds a breaking change if {@code node} is incompatible but nothing since {@code mark} says so.
   */
  private void catchAll(int mark, Changed node, String where) {
    if (node.isIncompatible()
        && changes.subList(mark, changes.size()).stream().noneMatch(SpecChange::breaking)) {
      add(true, where + ": changed incompatibly (see the report for details)");
    }
  }

  private void add(boolean breaking, String description) {
    changes.add(new SpecChange(description, breaking));
  }

  private static boolean isResponse(DiffContext context) {
    return context != null && context.isResponse();
  }

  private static String endpoint(Endpoint endpoint) {
    return endpoint.getMethod() + " " + endpoint.getPathUrl();
  }

  private static String operationId(Operation operation) {
    return operation == null || operation.getOperationId() == null
        ? ""
        : " " + operation.getOperationId();
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static boolean contains(List<String> list, String value) {
    return list != null && list.contains(value);
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "nothing";
    }
    if (schema.getType() != null) {
      return schema.getType()
          + (schema.getFormat() == null ? "" : " (format " + schema.getFormat() + ")");
    }
    if (schema.get$ref() != null) {
      return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }
    return "any";
  }

  private static String format(Schema<?> schema) {
    return schema == null || schema.getFormat() == null ? "none" : schema.getFormat();
  }

  private static Object range(Schema<?> schema) {
    if (schema.getMinimum() == null && schema.getMaximum() == null) {
      return null;
    }
    return "[" + orBlank(schema.getMinimum()) + ", " + orBlank(schema.getMaximum()) + "]";
  }

  private static String orBlank(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String value(Schema<?> schema, Function<Schema<?>, Object> property) {
    Object value = schema == null ? null : property.apply(schema);
    return value == null ? "none" : value.toString();
  }

  private static <T> Collection<T> orEmpty(Collection<T> values) {
    return values == null ? List.of() : values;
  }

  private record Constraint(
      String name,
      Function<ChangedSchema, ? extends Changed> change,
      Function<Schema<?>, Object> value) {}
}
