package io.github.segmentskit.generated.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenTest {
  private static final String SECRET = "tok/SECRET\"q\\x-42";
  private static final AccessToken TOKEN = AccessToken.of(SECRET);

  /** The token with every character written in one of the forms a server may echo it in. */
  private static String encodedEachCharacterAs(int form) {
    StringBuilder text = new StringBuilder();
    for (char c : SECRET.toCharArray()) {
      text.append(encode(c, form));
    }
    return text.toString();
  }

  private static String encode(char c, int form) {
    return switch (form) {
      case 0 -> String.valueOf(c);
      case 1 -> String.format("\\u%04x", (int) c);
      case 2 -> String.format("\\u%04X", (int) c);
      case 3 -> String.format("%%%02x", (int) c);
      case 4 -> String.format("%%%02X", (int) c);
      case 5 -> "&#" + (int) c + ";";
      case 6 -> "&#x" + Integer.toHexString(c) + ";";
      case 7 -> c == '/' || c == '"' || c == '\\' ? "\\" + c : String.valueOf(c);
      default -> throw new IllegalArgumentException();
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
  void redactsTheTokenWrittenInEachEncoding(int form) {
    String body = "{\"title\":\"bad token " + encodedEachCharacterAs(form) + " given\"}";
    String redacted = TOKEN.redact(body);
    assertThat(redacted).isEqualTo("{\"title\":\"bad token [redacted] given\"}");
    assertThat(TOKEN.appearsIn(body)).isTrue();
    assertThat(TOKEN.appearsIn(redacted)).isFalse();
  }

  @Test
  void redactsTheTokenWithEncodingsMixedCharacterByCharacter() {
    Random random = new Random(20261201L);
    for (int run = 0; run < 500; run++) {
      StringBuilder mixed = new StringBuilder();
      for (char c : SECRET.toCharArray()) {
        mixed.append(encode(c, random.nextInt(8)));
      }
      String text = "x" + mixed + "y" + mixed;
      assertThat(TOKEN.redact(text)).as(text).isEqualTo("x[redacted]y[redacted]");
    }
  }

  @Test
  void leavesTextWithoutTheTokenAlone() {
    List<String> texts = new ArrayList<>(List.of("", "tok/SECRET", "nothing to see", "%74%6f"));
    for (String text : texts) {
      assertThat(TOKEN.redact(text)).isSameAs(text);
    }
    assertThat(TOKEN.redact(null)).isNull();
  }

  @Test
  void neverShowsTheValue() {
    assertThat(TOKEN.toString()).isEqualTo("AccessToken[redacted]").doesNotContain(SECRET);
    assertThatThrownBy(() -> AccessToken.of("has space"))
        .hasMessage("accessToken holds a character an HTTP header cannot carry, at index 3")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("has space"));
  }
}
