package io.github.segmentskit.contract.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Pieces of raw HTTP/1.1 responses for {@link RawServer} scripts: heads, complete JSON answers,
 * bodies generated while they are sent (never held in memory), chunked framing, gzip.
 */
final class RawResponses {
  private static final int PIECE = 64 * 1024;

  private RawResponses() {}

  /** A response head with a {@code Content-Length}. */
  static String head(int status, String contentType, long contentLength, String... headers) {
    return statusAndHeaders(status, contentType, headers)
        + "Content-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  /** A response head with {@code Transfer-Encoding: chunked}. */
  static String chunkedHead(int status, String contentType, String... headers) {
    return statusAndHeaders(status, contentType, headers) + "Transfer-Encoding: chunked\r\n\r\n";
  }

  private static String statusAndHeaders(int status, String contentType, String... headers) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    return head.toString();
  }

  /** A complete JSON response with a {@code Content-Length}. */
  static void json(RawServer.Exchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.write(head(status, "application/json", body.length));
    exchange.out().write(body);
    exchange.out().flush();
  }

  /**
   * Writes {@code total} bytes of filler (a JSON string's worth of {@code a}s), piece by piece, as
   * they are sent; stops early when the client closes (the write fails).
   */
  static void filler(OutputStream out, long total) throws IOException {
    byte[] piece = new byte[PIECE];
    Arrays.fill(piece, (byte) 'a');
    for (long left = total; left > 0; left -= PIECE) {
      out.write(piece, 0, (int) Math.min(PIECE, left));
    }
    out.flush();
  }

  /** Writes one chunk of chunked framing. */
  static void chunk(OutputStream out, byte[] bytes, int length) throws IOException {
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes, 0, length);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** Writes chunks of filler until the client closes the connection or {@code maxBytes} went. */
  static void endlessChunks(OutputStream out, long maxBytes) throws IOException {
    byte[] piece = new byte[PIECE];
    Arrays.fill(piece, (byte) 'a');
    for (long sent = 0; sent < maxBytes; sent += PIECE) {
      chunk(out, piece, PIECE);
    }
    out.flush();
  }

  /** {@code text} as gzip. */
  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return compressed.toByteArray();
  }
}
