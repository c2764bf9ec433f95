package io.github.segmentskit.contract.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds an access token in text however a server may have escaped it, independently of the client's
 * own redaction: every JSON escape ({@code \/}, {@code \"}, {@code \\}, {@code \u0074} with hex
 * digits in either case), percent-encoding ({@code %2F}) and HTML character reference ({@code
 * &#116;}, {@code &#x74;}) is decoded, character by character and mixed freely, and the decoded
 * text is searched for the token in clear.
 */
final class TokenSightings {
  private final String token;
  private final Map<String, String> texts = new LinkedHashMap<>();

  TokenSightings(String token) {
    this.token = token;
  }

  /** Adds a text to search, named for the report. */
  TokenSightings add(String where, Object text) {
    texts.put(where + " #" + texts.size(), String.valueOf(text));
    return this;
  }

  /** Adds the message, toString and full stack trace (causes and suppressed ones) of a failure. */
  TokenSightings addFailure(String where, Throwable failure) {
    add(where + " message", failure.getMessage());
    add(where + " toString", failure.toString());
    add(where + " stack trace", stackTrace(failure));
    int depth = 0;
    for (Throwable cause = failure.getCause(); cause != null && depth < 16; depth++) {
      add(where + " cause " + depth, cause.getClass().getName() + ": " + cause.getMessage());
      cause = cause.getCause();
    }
    return this;
  }

  /** Where the token was found (names of the texts), empty if nowhere. */
  List<String> found() {
    return texts.entrySet().stream()
        .filter(entry -> contains(entry.getValue(), token))
        .map(entry -> entry.getKey() + ": " + excerpt(entry.getValue()))
        .toList();
  }

  /** True if {@code text} holds {@code token}, in clear or in any mix of escapes. */
  static boolean contains(String text, String token) {
    return text != null && (text.contains(token) || decode(text).contains(token));
  }

  /** {@code text} with every JSON, percent and HTML escape replaced by its character. */
  static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u' && hex(text, i + 2, 4)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 6;
      } else if (c == '\\' && i + 1 < text.length() && "/\"\\".indexOf(text.charAt(i + 1)) >= 0) {
        out.append(text.charAt(i + 1));
        i += 2;
      } else if (c == '%' && i + 2 < text.length() && hex(text, i + 1, 2)) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 3;
      } else if (c == '&' && i + 2 < text.length() && text.charAt(i + 1) == '#') {
        int semicolon = text.indexOf(';', i);
        String number = semicolon < 0 ? "" : text.substring(i + 2, semicolon);
        Integer value = characterReference(number);
        if (value == null) {
          out.append(c);
          i++;
        } else {
          out.append((char) value.intValue());
          i = semicolon + 1;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static Integer characterReference(String number) {
    try {
      if (number.startsWith("x") || number.startsWith("X")) {
        return number.length() > 1 && number.length() <= 6
            ? Integer.parseInt(number.substring(1), 16)
            : null;
      }
      return !number.isEmpty() && number.length() <= 7 ? Integer.parseInt(number) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean hex(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static String excerpt(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() <= 300 ? line : line.substring(0, 300) + "...";
  }
}
