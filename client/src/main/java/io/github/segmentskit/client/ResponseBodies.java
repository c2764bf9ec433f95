package io.github.segmentskit.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
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

  /** Checks that {@code body} is well-formed UTF-8 ({@link #isUtf8}). */
  static void checkUtf8(byte[] body) throws Unreadable {
    if (!isUtf8(body)) {
      throw new Unreadable("the body is not valid UTF-8");
    }
  }

  /**
   * True if {@code bytes} are well-formed UTF-8 as the JDK's strict decoder reads it (RFC 3629): no
   * stray continuation byte, no overlong form, no encoded surrogate, nothing past U+10FFFF, no
   * sequence cut short. One pass over the bytes, allocating nothing (a {@code CharsetDecoder} would
   * need a char buffer per response).
   */
  static boolean isUtf8(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int lead = bytes[i] & 0xFF;
      if (lead < 0x80) {
        i++;
        continue;
      }
      int length;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
      } else {
        return false; // a continuation byte, an overlong 2-byte lead (C0, C1), or F5..FF
      }
      if (i + length > n) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if ((second & 0xC0) != 0x80
          || (lead == 0xE0 && second < 0xA0) // overlong 3-byte form
          || (lead == 0xED && second > 0x9F) // a surrogate, U+D800..U+DFFF
          || (lead == 0xF0 && second < 0x90) // overlong 4-byte form
          || (lead == 0xF4 && second > 0x8F)) { // past U+10FFFF
        return false;
      }
      for (int k = 2; k < length; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      i += length;
    }
    return true;
  }

  /** True if {@code body} is nothing but JSON whitespace. */
  static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The body as text; malformed UTF-8 becomes U+FFFD (for error bodies, which are only shown). */
  static String lenientUtf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
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
