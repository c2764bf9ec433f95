package io.github.segmentskit.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What the client does with the bytes of a response body before anything reads them: inflates gzip
 * (the limit counts inflated bytes), decodes UTF-8 strictly, and hands the generated code text it
 * cannot garble whatever the platform charset.
 */
final class ResponseBodies {
  private static final boolean PLATFORM_IS_UTF8 =
      StandardCharsets.UTF_8.equals(Charset.defaultCharset());
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private ResponseBodies() {}

  /** Why a body could not be decoded. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /** A body inflated past the limit. */
  static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("inflated past the limit", null, false, false);
    }
  }

  /**
   * The body as the server meant it: inflated if {@code Content-Encoding} says gzip, at most {@code
   * maxBytes} after inflating.
   */
  static byte[] decoded(byte[] raw, HttpHeaders headers, long maxBytes)
      throws Unreadable, TooLarge {
    Optional<String> encoding = headers.firstValue("Content-Encoding");
    if (encoding.isEmpty()) {
      return raw;
    }
    String coding = encoding.get().trim().toLowerCase(Locale.ROOT);
    if (coding.isEmpty() || coding.equals("identity")) {
      return raw;
    }
    if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
      throw new Unreadable("Content-Encoding \"" + abbreviate(coding) + "\" is not supported");
    }
    return gunzip(raw, maxBytes);
  }

  private static byte[] gunzip(byte[] raw, long maxBytes) throws Unreadable, TooLarge {
    if (raw.length == 0) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw), 8192)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length * 4, 1 << 20));
      byte[] chunk = new byte[8192];
      long total = 0;
      for (int n; (n = in.read(chunk)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new TooLarge();
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new Unreadable("the gzip body is corrupt: " + e.getMessage());
    }
  }

  /** The body as text; malformed UTF-8 is an error. */
  static String strictUtf8(byte[] body) throws Unreadable {
    try {
      CharBuffer text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
      return text.toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable("the body is not valid UTF-8");
    }
  }

  /** The body as text; malformed UTF-8 becomes U+FFFD (for error bodies, which are only shown). */
  static String lenientUtf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * Bytes of {@code json} that the generated code, which decodes with the platform charset, reads
   * back as the same text: UTF-8 itself where that is the platform charset, else pure ASCII with
   * every other character as a JSON escape ({@code é} -> {@code \u00e9}). Outside strings JSON has
   * no non-ASCII characters, so the JSON means the same.
   */
  static byte[] forGeneratedCode(String json) {
    if (PLATFORM_IS_UTF8) {
      return json.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x80) {
        out.write(c);
      } else {
        out.write('\\');
        out.write('u');
        out.write(HEX[(c >> 12) & 0xf]);
        out.write(HEX[(c >> 8) & 0xf]);
        out.write(HEX[(c >> 4) & 0xf]);
        out.write(HEX[c & 0xf]);
      }
    }
    return out.toByteArray();
  }

  /** True if the media type is JSON: {@code application/json} or {@code application/*+json}. */
  static boolean isJson(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      return false;
    }
    String type = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  /** The charset parameter of the media type, if any. */
  static Optional<String> charset(Optional<String> contentType) {
    if (contentType.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = contentType.get().split(";");
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return Optional.of(part.substring("charset=".length()).replace("\"", "").trim());
      }
    }
    return Optional.empty();
  }

  static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
  }
}
