package io.github.segmentskit.generated.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a UTF-8 JSON body and gives it back as pure ASCII, every non-ASCII character written as a
 * JSON escape ({@code é} -> {@code \u00e9}). The JSON means exactly the same (outside strings JSON
 * has no non-ASCII characters), but it now decodes correctly with any ASCII-compatible charset.
 *
 * <p>Why: the generated client turns response bytes into text with {@code new String(bytes)}, the
 * platform charset. From Java 18 that is UTF-8; on Java 17 it follows the locale, and a container
 * without one gets US-ASCII, which would garble every non-ASCII segment name.
 */
final class UnicodeEscapingInputStream extends InputStream {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final Reader utf8;
  private final byte[] pending = new byte[6];
  private int pendingLength;
  private int pendingIndex;

  UnicodeEscapingInputStream(InputStream body) {
    this.utf8 = new InputStreamReader(body, StandardCharsets.UTF_8);
  }

  @Override
  public int read() throws IOException {
    if (pendingIndex < pendingLength) {
      return pending[pendingIndex++];
    }
    int c = utf8.read();
    if (c < 0x80) { // ASCII, or -1 at the end
      return c;
    }
    pending[0] = '\\';
    pending[1] = 'u';
    pending[2] = HEX[(c >> 12) & 0xf];
    pending[3] = HEX[(c >> 8) & 0xf];
    pending[4] = HEX[(c >> 4) & 0xf];
    pending[5] = HEX[c & 0xf];
    pendingLength = 6;
    pendingIndex = 1;
    return pending[0];
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int first = read();
    if (first < 0) {
      return -1;
    }
    buffer[offset] = (byte) first;
    int count = 1;
    while (count < length && (pendingIndex < pendingLength || utf8.ready())) {
      int next = read();
      if (next < 0) {
        break;
      }
      buffer[offset + count++] = (byte) next;
    }
    return count;
  }

  @Override
  public void close() throws IOException {
    utf8.close();
  }
}
