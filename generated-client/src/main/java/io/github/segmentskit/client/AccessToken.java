package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

/**
 * The access token of a BigCommerce store API account, sent as {@code X-Auth-Token}.
 *
 * <p>The value never appears in {@link #toString()}, in logs or in exception messages: only {@link
 * #reveal()} returns it, and only the code that writes the header calls it.
 */
public final class AccessToken {
  private final String value;

  private AccessToken(String value) {
    this.value = value;
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
