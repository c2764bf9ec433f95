package io.github.segmentskit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.segmentskit.client.exception.ApiError;
import io.github.segmentskit.client.exception.BadRequestException;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.ForbiddenException;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.PayloadTooLargeException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.ResponseTooLargeException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.client.exception.UnprocessableEntityException;
import io.github.segmentskit.generated.model.ConflictError;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.support.AccessToken;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where a failure becomes a typed {@link SegmentsException}: one switch from HTTP
 * status to exception type, with {@link SegmentsApiException} as fallback; the causes of a missing
 * response (timeout, refused or reset connection, a body past the limit) to theirs; an unreadable
 * 2xx body to {@link SegmentsResponseException}.
 *
 * <p>Error bodies are read leniently: a body that is not JSON, empty, or of another shape still
 * yields the right type, with the raw text. The access token is cut out of every text that goes
 * into an exception (messages, fields, headers, raw body, causes), in clear or in any escaped form,
 * after JSON decoding as well as before it.
 */
final class ErrorMapper {
  private static final int MAX_FIELD_LENGTH = 500;

  private final ObjectMapper lenient = new ObjectMapper();
  private final ObjectMapper models;
  private final AccessToken token;

  ErrorMapper(ObjectMapper models, AccessToken token) {
    this.models = models;
    this.token = token;
  }

  /** The exception for an error status; {@code body} is the decoded body text. */
  SegmentsApiException fromStatus(
      Operation operation, String path, Exchanged response, String body) {
    String rawBody = redact(body == null ? "" : body);
    JsonNode json = parseObject(body);
    ApiError error =
        ApiError.builder(response.status())
            .title(text(json, "title"))
            .type(text(json, "type"))
            .instance(text(json, "instance"))
            .errors(fieldErrors(json))
            .rawBody(rawBody)
            .call(operation.operationId(), operation.method(), path)
            .headers(headers(response.headers()))
            .build();
    return switchOnStatus(error, json, operation);
  }

  private SegmentsApiException switchOnStatus(ApiError shown, JsonNode json, Operation operation) {
    int status = shown.status();
    return switch (status) {
      case 400 -> new BadRequestException(shown);
      case 401 -> new UnauthorizedException(shown);
      case 403 -> new ForbiddenException(shown);
      case 404 -> new NotFoundException(shown);
      case 409 -> conflict(shown, json, operation);
      case 413 -> new PayloadTooLargeException(shown);
      case 422 -> new UnprocessableEntityException(shown);
      case 429 ->
          new RateLimitedException(
              shown, RateLimitHeaders.from(shown.headers()).resetAfter().orElse(null));
      default ->
          status >= 500 && status <= 599
              ? new ServerErrorException(shown)
              : new SegmentsApiException(shown);
    };
  }

  private ConflictException conflict(ApiError error, JsonNode json, Operation operation) {
    List<ConflictError> itemErrors = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    List<ShopperProfile> profiles = new ArrayList<>();
    Integer total = null;
    Integer succeeded = null;
    Integer failed = null;
    if (json != null) {
      JsonNode items = json.get("errors");
      if (items != null && items.isArray()) {
        for (JsonNode item : items) {
          ConflictError parsed = conflictError(item);
          if (parsed != null) {
            itemErrors.add(parsed);
          }
        }
      }
      JsonNode data = json.get("data");
      if (data != null && data.isArray()) {
        for (JsonNode item : data) {
          if (operation == Operation.CREATE_SEGMENTS) {
            addIfReadable(item, Segment.class, segments);
          } else if (operation == Operation.ADD_SHOPPER_PROFILES_TO_SEGMENT) {
            addIfReadable(item, ShopperProfile.class, profiles);
          }
        }
      }
      JsonNode meta = json.get("meta");
      if (meta != null && meta.isObject()) {
        total = integer(meta, "total");
        succeeded = integer(meta, "success");
        failed = integer(meta, "failed");
      }
    }
    return new ConflictException(error, itemErrors, segments, profiles, total, succeeded, failed);
  }

  /**
   * Adds the item read as {@code type} with the strict mapper if it keeps the spec's rules; an item
   * of another shape stays visible in {@code rawBody()} only.
   */
  private <T> void addIfReadable(JsonNode item, Class<T> type, List<T> into) {
    try {
      T value = models.treeToValue(item, type);
      if (value != null && ModelRules.problems(value, "").isEmpty()) {
        into.add(value);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // another shape: left out
    }
  }

  /** One item error of a 409 body, every text in it redacted; null if it has another shape. */
  private ConflictError conflictError(JsonNode item) {
    if (item == null || !item.isObject()) {
      return null;
    }
    try {
      ConflictError error = lenient.treeToValue(item, ConflictError.class);
      error.setTitle(truncate(redact(error.getTitle())));
      error.setType(truncate(redact(error.getType())));
      if (error.getErrors() != null) {
        Map<String, String> clean = new LinkedHashMap<>();
        error
            .getErrors()
            .forEach((key, value) -> clean.put(truncate(redact(key)), truncate(redact(value))));
        error.setErrors(clean);
      }
      return error;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null; // an item of another shape: it stays visible in rawBody()
    }
  }

  /** The exception for an exchange that gave no response; {@code cause} is the failure. */
  SegmentsException noResponse(String name, Throwable cause, long maxResponseBytes) {
    Throwable root = unwrap(cause);
    if (findTooLarge(cause)) {
      return new ResponseTooLargeException(
          name
              + " -> the response body is larger than maxResponseBytes ("
              + maxResponseBytes
              + " bytes); the client stopped reading it",
          maxResponseBytes);
    }
    Throwable redacted = redactedCause(root);
    if (root instanceof HttpConnectTimeoutException) {
      return new SegmentsTimeoutException(name + " -> connect timed out", redacted);
    }
    if (root instanceof HttpTimeoutException) {
      return new SegmentsTimeoutException(
          name + " -> no response headers within the request timeout", redacted);
    }
    if (root instanceof ConnectException) {
      return new SegmentsConnectionException(name + " -> connection refused", redacted);
    }
    return new SegmentsConnectionException(
        name + " -> connection failed: " + redact(String.valueOf(root)), redacted);
  }

  /** The exception for a 2xx body that the generated code could not read into its model. */
  SegmentsResponseException unreadable(String name, Exchanged response, JsonProcessingException e) {
    return new SegmentsResponseException(
        name
            + " -> "
            + status(response)
            + " but the body could not be read: "
            + redact(describe(e)),
        redactedCause(e));
  }

  /** The exception for a 2xx response the client cannot trust, for {@code reason}. */
  SegmentsResponseException untrusted(String name, Exchanged response, String reason) {
    return new SegmentsResponseException(
        name + " -> " + status(response) + " but " + redact(reason), null);
  }

  /** {@code cause}, or a copy of it without the token if any message in its chain holds it. */
  Throwable redactedCause(Throwable cause) {
    return RedactedCause.of(cause, this::redact);
  }

  String redact(String text) {
    return token.redact(text);
  }

  private static String status(Exchanged response) {
    String reason = ApiError.reasonPhrase(response.status());
    return response.status() + (reason.isEmpty() ? "" : " " + reason);
  }

  private static Throwable unwrap(Throwable cause) {
    Throwable t = cause;
    for (int i = 0; i < 8 && t != null; i++) {
      if ((t instanceof java.util.concurrent.CompletionException
              || t instanceof java.util.concurrent.ExecutionException)
          && t.getCause() != null) {
        t = t.getCause();
      } else {
        break;
      }
    }
    return t == null ? cause : t;
  }

  private static boolean findTooLarge(Throwable cause) {
    Throwable t = cause;
    for (int i = 0; i < 8 && t != null; i++) {
      if (t instanceof BoundedBody.TooLarge) {
        return true;
      }
      t = t.getCause();
    }
    return false;
  }

  static String describe(JsonProcessingException json) {
    String where = json instanceof JsonMappingException mapping ? path(mapping) : "";
    if (json instanceof InvalidFormatException format) {
      String type =
          format.getTargetType() == null ? "value" : format.getTargetType().getSimpleName();
      return (where.isEmpty() ? "" : where + " ")
          + quote(format.getValue())
          + " is not a "
          + ("UUID".equals(type) ? "canonical UUID" : "valid " + type);
    }
    if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return (where.isEmpty() ? "" : where + ": ")
          + "expected "
          + mismatch.getTargetType().getSimpleName()
          + ", found "
          + firstLine(json.getOriginalMessage());
    }
    return (where.isEmpty() ? "" : where + ": ") + firstLine(json.getOriginalMessage());
  }

  private static String quote(Object value) {
    String text = String.valueOf(value);
    return "\"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\"";
  }

  private static String path(JsonMappingException mapping) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        text.append('[').append(ref.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  /**
   * The parts of the body this mapper uses, as a JSON object, or null if it is empty, not JSON, or
   * not an object; read within bounded memory ({@link ErrorBodyReader}).
   */
  private static JsonNode parseObject(String body) {
    return ErrorBodyReader.read(body);
  }

  private String text(JsonNode json, String field) {
    if (json == null) {
      return null;
    }
    JsonNode value = json.get(field);
    return value == null || value.isNull() || value.isContainerNode()
        ? null
        : truncate(redact(value.asText()));
  }

  private static Integer integer(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value != null && value.isInt() ? value.intValue() : null;
  }

  private Map<String, String> fieldErrors(JsonNode json) {
    if (json == null) {
      return Map.of();
    }
    JsonNode errors = json.get("errors");
    if (errors == null || !errors.isObject()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = errors.fields();
    while (fields.hasNext() && result.size() < ErrorBodyReader.MAX_ERRORS) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      String text = value.isValueNode() ? value.asText() : value.toString();
      result.put(truncate(redact(field.getKey())), truncate(redact(text)));
    }
    return result;
  }

  private Map<String, List<String>> headers(HttpHeaders headers) {
    Map<String, List<String>> result = new TreeMap<>();
    headers
        .map()
        .forEach(
            (name, values) ->
                result.put(
                    redact(name.toLowerCase(Locale.ROOT)),
                    values.stream().map(this::redact).toList()));
    return result;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_FIELD_LENGTH
        ? text
        : text.substring(0, MAX_FIELD_LENGTH) + "...";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
