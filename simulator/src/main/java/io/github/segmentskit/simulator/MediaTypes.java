package io.github.segmentskit.simulator;

import java.util.List;
import java.util.Locale;

/** Lenient media-type checks: only a header that is present and clearly not JSON is refused. */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * Whether the {@code Accept} header values allow a JSON answer: absent, empty, {@code *}/{@code
   * *}, {@code application/*}, {@code application/json} or any {@code +json} type.
   */
  static boolean acceptsJson(List<String> acceptHeaders) {
    if (acceptHeaders == null || acceptHeaders.isEmpty()) {
      return true;
    }
    boolean anyRange = false;
    for (String header : acceptHeaders) {
      for (String range : header.split(",")) {
        String type = mediaType(range);
        if (type.isEmpty()) {
          continue;
        }
        anyRange = true;
        if (type.equals("*/*") || type.equals("application/*") || isJsonType(type)) {
          return true;
        }
      }
    }
    return !anyRange;
  }

  /** Whether a {@code Content-Type} is JSON; an absent or empty one is let through. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = mediaType(contentType);
    return type.isEmpty() || isJsonType(type);
  }

  private static boolean isJsonType(String type) {
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  private static String mediaType(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
