package io.github.segmentskit.contract.hostile;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The forms in which a server may echo the access token inside a JSON string or a header: in clear,
 * with {@code /} escaped as {@code \/} (PHP's {@code json_encode} does so by default), as {@code
 * \u0074} escapes with lower- or upper-case hex digits, and all of these mixed character by
 * character.
 */
enum TokenEcho {
  CLEAR(token -> token),
  SLASHES_ESCAPED(token -> token.replace("/", "\\/")),
  UNICODE_LOWER_CASE_HEX(token -> unicode(token, false)),
  UNICODE_UPPER_CASE_HEX(token -> unicode(token, true)),
  MIXED(TokenEcho::mixed);

  private final UnaryOperator<String> form;

  TokenEcho(UnaryOperator<String> form) {
    this.form = form;
  }

  /** {@code token} in this form, ready to go between the quotes of a JSON string. */
  String of(String token) {
    return form.apply(token);
  }

  private static String unicode(String token, boolean upperCase) {
    StringBuilder escaped = new StringBuilder();
    for (char c : token.toCharArray()) {
      String hex = String.format("%04x", (int) c);
      escaped.append("\\u").append(upperCase ? hex.toUpperCase(Locale.ROOT) : hex);
    }
    return escaped.toString();
  }

  /** Each character in turn: clear, lower-case unicode escape, upper-case escape, {@code \/}. */
  private static String mixed(String token) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String hex = String.format("%04x", (int) c);
      switch (i % 3) {
        case 0 -> escaped.append(c == '/' ? "\\/" : String.valueOf(c));
        case 1 -> escaped.append("\\u").append(hex);
        default -> escaped.append("\\u").append(hex.toUpperCase(Locale.ROOT));
      }
    }
    return escaped.toString();
  }
}
