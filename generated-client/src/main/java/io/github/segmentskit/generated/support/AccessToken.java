package io.github.segmentskit.generated.support;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access token of a BigCommerce store API account, sent as {@code X-Auth-Token}.
 *
 * <p>The value never appears in {@link #toString()}, in logs or in exception messages: only the
 * package-private {@code reveal()} returns it, and only the code that writes the header calls it.
 * Code that shows text a server sent (an error body, a header) passes it through {@link
 * #redact(String)} first.
 */
public final class AccessToken {
  /** What {@link #redact(String)} puts where the token was. */
  public static final String REDACTED = "[redacted]";

  private final String value;
  private final Pattern anyEncoding;

  private AccessToken(String value) {
    this.value = value;
    this.anyEncoding = anyEncodingOf(value);
  }

  /**
   * Wraps a token.
   *
   * @throws IllegalArgumentException if the token is blank or holds characters a header cannot
   *     carry (the message never repeats the token)
   */
  public static AccessToken of(String value) {
    requireNonNull(value, "accessToken == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("accessToken is blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            "accessToken holds a character an HTTP header cannot carry, at index " + i);
      }
    }
    return new AccessToken(value);
  }

  /** The raw token, for the {@code X-Auth-Token} header only. */
  String reveal() {
    return value;
  }

  /**
   * {@code text} with every occurrence of the token replaced by {@value #REDACTED}: in clear and in
   * the forms a server may echo it in, character by character and mixed freely: JSON escapes
   * ({@code \/}, {@code \"}, {@code \\}, {@code \u0074} with hex digits in either case),
   * percent-encoding ({@code %74}, {@code %2f}) and HTML character references ({@code &#116;},
   * {@code &#x74;}). Null stays null.
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher matcher = anyEncoding.matcher(text);
    return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(REDACTED)) : text;
  }

  /** True if {@code text} holds the token in any form {@link #redact(String)} removes. */
  public boolean appearsIn(String text) {
    return text != null && anyEncoding.matcher(text).find();
  }

  private static Pattern anyEncodingOf(String token) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      regex.append("(?:").append(Pattern.quote(String.valueOf(c)));
      if (c == '/' || c == '"' || c == '\\') {
        regex.append("|\\\\").append(Pattern.quote(String.valueOf(c)));
      }
      regex.append("|\\\\u").append(anyCaseHex(c, 4));
      regex.append("|%").append(anyCaseHex(c, 2));
      regex.append("|&#0*").append((int) c).append(';');
      regex.append("|&#[xX]0*").append(anyCaseHex(c, 0)).append(';');
      regex.append(')');
    }
    return Pattern.compile(regex.toString());
  }

  /** The hex digits of {@code c}, zero-padded to {@code width}, each letter in either case. */
  private static String anyCaseHex(char c, int width) {
    String hex = Integer.toHexString(c);
    while (hex.length() < width) {
      hex = "0" + hex;
    }
    StringBuilder pattern = new StringBuilder();
    for (char digit : hex.toCharArray()) {
      if (Character.isLetter(digit)) {
        pattern.append('[').append(digit).append(Character.toUpperCase(digit)).append(']');
      } else {
        pattern.append(digit);
      }
    }
    return pattern.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "AccessToken[redacted]";
  }
}
