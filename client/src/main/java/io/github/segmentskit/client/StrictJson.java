package io.github.segmentskit.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.segmentskit.generated.invoker.ApiClient;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The client's JSON mapper: the generated client's, made as strict as the spec. Each leniency of
 * Jackson's defaults is decided here:
 *
 * <ul>
 *   <li>duplicate keys: refused (Jackson keeps the last);
 *   <li>content after the JSON value: refused (Jackson ignores it);
 *   <li>coercion between scalar types: refused both ways (Jackson turns {@code "12"} and {@code
 *       12.0} into 12, {@code 12} and {@code true} into strings); integers out of their Java type's
 *       range are refused by Jackson itself;
 *   <li>ids: canonical 8-4-4-4-12 UUID strings only, the rule the client applies to its own input
 *       ({@link Ids}); Jackson also reads a Base64 form;
 *   <li>date-times: ISO-8601 strings with an offset only (RFC 3339); not epoch numbers;
 *   <li>malformed UTF-8 never reaches the mapper: {@link ResponseBodies} refuses it before;
 *   <li><b>kept</b>: unknown properties are ignored (the generated default): BigCommerce adds
 *       fields to its responses without a new API version, and a client that refused them would
 *       break on every such addition. Missing required fields, nulls, ranges and sizes are checked
 *       after reading, against the spec's constraints ({@link ModelRules}).
 * </ul>
 */
final class StrictJson {
  private StrictJson() {}

  static ObjectMapper mapper() {
    ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.String);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.Float);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Integer, CoercionInputShape.EmptyString);
    refuse(mapper, LogicalType.Float, CoercionInputShape.String);
    refuse(mapper, LogicalType.Float, CoercionInputShape.Boolean);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer);
    refuse(mapper, LogicalType.Boolean, CoercionInputShape.String);
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer);
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Float);
    refuse(mapper, LogicalType.Textual, CoercionInputShape.Boolean);
    mapper.registerModule(
        new SimpleModule("segments-kit-strict")
            .addDeserializer(UUID.class, new CanonicalUuidDeserializer())
            .addDeserializer(OffsetDateTime.class, new OffsetDateTimeDeserializer()));
    return mapper;
  }

  private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape shape) {
    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
  }

  /** Reads an id the way {@link Ids} parses one: a canonical UUID string, nothing else. */
  private static final class CanonicalUuidDeserializer extends JsonDeserializer<UUID> {
    @Override
    public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (UUID) context.handleUnexpectedToken(UUID.class, parser);
      }
      String text = parser.getText();
      UUID uuid = Ids.parseOrNull(text);
      if (uuid == null) {
        return (UUID) context.handleWeirdStringValue(UUID.class, text, "not a canonical UUID");
      }
      return uuid;
    }
  }

  /** Reads a date-time string with an offset; refuses numbers (epoch seconds or millis). */
  private static final class OffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
      }
      String text = parser.getText();
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime)
            context.handleWeirdStringValue(
                OffsetDateTime.class, text, "not a date-time with an offset (RFC 3339)");
      }
    }
  }
}
