package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The client's allocation-free UTF-8 check agrees with the JDK's strict decoder (malformed input
 * reported, not replaced) on the edge cases of RFC 3629 and on many seeded random byte strings.
 */
class Utf8CheckTest {
  private static boolean jdkSaysUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void edgeCasesOfRfc3629() {
    List<String> cases =
        List.of(
            "",
            "7f",
            "80", // a lone continuation byte
            "c0af", // overlong '/'
            "c1bf",
            "c280", // U+0080
            "dfbf",
            "c2", // cut short
            "e08080", // overlong
            "e0a080", // U+0800
            "edbfbf", // a surrogate
            "ed9fbf", // U+D7FF
            "eea080",
            "efbfbf", // U+FFFF
            "e0a0", // cut short
            "f08f8080", // overlong
            "f0908080", // U+10000
            "f48fbfbf", // U+10FFFF
            "f4908080", // past U+10FFFF
            "f5808080",
            "ff",
            "fe",
            "e2829c41", // a bad third byte
            "f09f98", // an emoji cut short
            "f09f9880", // an emoji
            "7b2274223a22c3a9227d"); // {"t":"é"}
    for (String hex : cases) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      assertThat(ResponseBodies.isUtf8(bytes)).as(hex).isEqualTo(jdkSaysUtf8(bytes));
    }
  }

  @Test
  void agreesWithTheJdkOnSeededRandomBytes() {
    Random random = new Random(20261202L);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      for (int k = 0; k < bytes.length; k++) {
        // mostly bytes of multi-byte sequences, where the rules are
        bytes[k] =
            (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
      }
      if (ResponseBodies.isUtf8(bytes) != jdkSaysUtf8(bytes)) {
        disagreements.add(HexFormat.of().formatHex(bytes));
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void everyCodePointEncodedByTheJdkPasses() {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 7) {
      if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
        all.appendCodePoint(cp);
      }
    }
    assertThat(ResponseBodies.isUtf8(all.toString().getBytes(StandardCharsets.UTF_8))).isTrue();
  }
}
