package io.github.segmentskit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.segmentskit.generated.invoker.ApiException;
import io.github.segmentskit.generated.model.ConflictError;
import io.github.segmentskit.generated.model.ConflictMeta;
import io.github.segmentskit.generated.support.AccessToken;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place where a failure of the generated client becomes a typed {@link SegmentsException}:
 * one switch from HTTP status to exception type, with {@link SegmentsApiException} as fallback, and
 * the cause of a status-less {@code ApiException} (timeout, I/O, unreadable body) to its type.
 *
 * <p>Bodies are parsed leniently: a body that is not JSON, empty, or of another shape still yields
 * the right type, with the raw text. The access token is cut out of every message and body.
 */
final class ErrorMapper {
  private static final int MAX_BODY_IN_MESSAGE = 200;

  private final ObjectMapper mapper;
  private final AccessToken token;

  ErrorMapper(ObjectMapper mapper, AccessToken token) {
    this.mapper = mapper;
    this.token = token;
  }

  SegmentsException map(Operation operation, String path, ApiException failure) {
    return map(operation, path, failure, null);
  }

  /**
   * Maps a failed call; {@code bodyDeadline} is the deadline that closed the response body while it
   * was being read, or null if none fired.
   */
  SegmentsException map(
      Operation operation, String path, ApiException failure, Duration bodyDeadline) {
    String call = operation.method() + " " + path;
    if (bodyDeadline != null) {
      Throwable original = failure.getCause() == null ? failure : failure.getCause();
      return new SegmentsTimeoutException(
          call + " -> response body did not arrive within " + bodyDeadline.toMillis() + " ms",
          RedactedCause.of(original, this::redact));
    }
    if (failure.getCode() == 0) {
      return mapNoStatus(call, failure);
    }
    ErrorDetails details = details(operation, path, failure);
    int status = failure.getCode();
    return switch (status) {
      case 400 -> new BadRequestException(details);
      case 401 -> new UnauthorizedException(details);
      case 403 -> new ForbiddenException(details);
      case 404 -> new NotFoundException(details);
      case 409 -> conflict(details);
      case 413 -> new PayloadTooLargeException(details);
      case 422 -> new UnprocessableEntityException(details);
      case 429 -> new RateLimitedException(details);
      default ->
          status >= 500 && status <= 599
              ? new ServerErrorException(details)
              : new SegmentsApiException(details);
    };
  }

  private SegmentsException mapNoStatus(String call, ApiException failure) {
    Throwable original = failure.getCause() == null ? failure : failure.getCause();
    // The cause goes into stack traces: a copy without the token if any message quotes it.
    Throwable cause = RedactedCause.of(original, this::redact);
    if (original instanceof HttpConnectTimeoutException) {
      return new SegmentsTimeoutException(call + " -> connect timed out", cause);
    }
    if (original instanceof HttpTimeoutException) {
      return new SegmentsTimeoutException(call + " -> request timed out", cause);
    }
    if (original instanceof JsonProcessingException json) {
      return new SegmentsResponseException(
          call + " -> response body could not be read: " + redact(describe(json)), cause);
    }
    if (original instanceof InterruptedException) {
      return new SegmentsConnectionException(call + " -> interrupted", cause);
    }
    if (original instanceof IOException) {
      return new SegmentsConnectionException(
          call + " -> connection failed: " + redact(String.valueOf(cause)), cause);
    }
    return new SegmentsConnectionException(
        call + " -> failed: " + redact(String.valueOf(cause)), cause);
  }

  private static String describe(JsonProcessingException json) {
    String where = json instanceof JsonMappingException mapping ? path(mapping) : "";
    if (json instanceof InvalidFormatException format) {
      String type =
          format.getTargetType() == null ? "value" : format.getTargetType().getSimpleName();
      return (where.isEmpty() ? "" : where + " ")
          + "\""
          + format.getValue()
          + "\" is not a "
          + ("UUID".equals(type) ? "UUID" : "valid " + type);
    }
    String reason = json.getOriginalMessage();
    return (where.isEmpty() ? "" : where + ": ") + firstLine(reason);
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

  private ErrorDetails details(Operation operation, String path, ApiException failure) {
    int status = failure.getCode();
    String body = failure.getResponseBody() == null ? "" : redact(failure.getResponseBody());
    Map<String, List<String>> headers = headers(failure.getResponseHeaders());
    JsonNode json = parse(body);
    String title = text(json, "title");
    Map<String, String> errors = fieldErrors(json);
    StringBuilder message = new StringBuilder();
    message.append(operation.method()).append(' ').append(path);
    message.append(" -> ").append(status);
    String reason = reasonPhrase(status);
    if (!reason.isEmpty()) {
      message.append(' ').append(reason);
    }
    List<String> parts = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      parts.add(title);
    }
    errors.forEach((field, problem) -> parts.add(field + ": " + problem));
    if (json == null && !body.isBlank()) {
      parts.add("body: " + abbreviate(body));
    }
    if (!parts.isEmpty()) {
      message.append(": ").append(String.join("; ", parts));
    }
    return new ErrorDetails(
        status,
        title,
        text(json, "type"),
        text(json, "instance"),
        errors,
        body,
        operation,
        path,
        headers,
        message.toString());
  }

  private SegmentsApiException conflict(ErrorDetails details) {
    JsonNode json = parse(details.rawBody());
    List<ConflictError> itemErrors = new ArrayList<>();
    ConflictMeta meta = null;
    if (json != null) {
      JsonNode errors = json.get("errors");
      if (errors != null && errors.isArray()) {
        for (JsonNode item : errors) {
          try {
            itemErrors.add(mapper.treeToValue(item, ConflictError.class));
          } catch (JsonProcessingException | IllegalArgumentException e) {
            // An item of another shape: it stays visible in rawBody().
          }
        }
      }
      JsonNode metaNode = json.get("meta");
      if (metaNode != null && metaNode.isObject()) {
        try {
          meta = mapper.treeToValue(metaNode, ConflictMeta.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          meta = null;
        }
      }
    }
    ErrorDetails withItems = details;
    if (details.title() == null && !itemErrors.isEmpty()) {
      List<String> titles = new ArrayList<>();
      for (ConflictError item : itemErrors) {
        if (item.getTitle() != null) {
          titles.add(item.getTitle());
        }
      }
      if (!titles.isEmpty()) {
        withItems =
            new ErrorDetails(
                details.status(),
                details.title(),
                details.type(),
                details.instance(),
                details.errors(),
                details.rawBody(),
                details.operation(),
                details.path(),
                details.headers(),
                details.message() + ": " + String.join("; ", titles));
      }
    }
    return new ConflictException(withItems, itemErrors, meta);
  }

  /** The body as a JSON object, or null if it is empty, not JSON, or not an object. */
  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    if (json == null) {
      return null;
    }
    JsonNode value = json.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static Map<String, String> fieldErrors(JsonNode json) {
    if (json == null) {
      return Map.of();
    }
    JsonNode errors = json.get("errors");
    if (errors == null || !errors.isObject()) {
      return Map.of();
    }
    Map<String, String> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = errors.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      result.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    return result;
  }

  private static Map<String, List<String>> headers(HttpHeaders headers) {
    if (headers == null) {
      return Map.of();
    }
    Map<String, List<String>> result = new TreeMap<>();
    headers
        .map()
        .forEach((name, values) -> result.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return result;
  }

  private String redact(String text) {
    return token.redact(text);
  }

  private static String abbreviate(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_BODY_IN_MESSAGE
        ? oneLine
        : oneLine.substring(0, MAX_BODY_IN_MESSAGE) + "...";
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  static String reasonPhrase(int status) {
    return switch (status) {
      case 300 -> "Multiple Choices";
      case 301 -> "Moved Permanently";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Entity";
      case 423 -> "Locked";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      case 507 -> "Insufficient Storage";
      default -> "";
    };
  }
}
