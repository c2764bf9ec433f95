package io.github.segmentskit.generated.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSafeHttpClientTest {
  private static final String JSON =
      "{\"data\":[{\"name\":\"Caf\u00e9 \u2713 \uD83D\uDE80\",\"description\":\"a\\\"b\\\\\"}]}";

  @Test
  void escapedBodyIsAsciiAndMeansTheSameJson() throws IOException {
    byte[] escaped = readAll(new UnicodeEscapingInputStream(utf8(JSON)));

    for (byte b : escaped) {
      assertThat(b & 0xff).isLessThan(0x80);
    }
    ObjectMapper mapper = new ObjectMapper();
    String decodedAsLatin1 = new String(escaped, StandardCharsets.ISO_8859_1);
    assertThat(mapper.readTree(decodedAsLatin1)).isEqualTo(mapper.readTree(JSON));
    assertThat(mapper.readTree(decodedAsLatin1).at("/data/0/name").asText())
        .isEqualTo("Caf\u00e9 \u2713 \uD83D\uDE80");
  }

  @Test
  void bulkAndSingleByteReadsGiveTheSameBytes() throws IOException {
    byte[] bulk = new UnicodeEscapingInputStream(utf8(JSON)).readAllBytes();
    byte[] single = readAll(new UnicodeEscapingInputStream(utf8(JSON)));

    assertThat(bulk).isEqualTo(single);
  }

  @Test
  void asciiBodiesPassUnchanged() throws IOException {
    String ascii = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"}";

    assertThat(new UnicodeEscapingInputStream(utf8(ascii)).readAllBytes())
        .isEqualTo(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void wrapsTheClientOnlyWhenThePlatformCharsetIsNotUtf8() {
    HttpClient.Builder builder = HttpClient.newBuilder();

    assertThat(CharsetSafeHttpClient.wrapIfNeeded(builder, StandardCharsets.UTF_8))
        .isSameAs(builder);
    assertThat(CharsetSafeHttpClient.wrapIfNeeded(builder, Charset.forName("US-ASCII")).build())
        .isInstanceOf(CharsetSafeHttpClient.class);
  }

  private static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      out.write(b);
    }
    return out.toByteArray();
  }
}
