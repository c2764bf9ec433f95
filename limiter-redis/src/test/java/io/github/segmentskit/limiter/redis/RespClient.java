package io.github.segmentskit.limiter.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client for the tests' own checks and commands, independent of the client under
 * test: sends one command as a RESP array of bulk strings and reads one reply (simple string,
 * error, integer, bulk string as bytes, or array of those).
 */
final class RespClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RespClient(String host, int port) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(host, port), 2000);
    socket.setSoTimeout(10_000);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static RespClient to(TestRedis redis) throws IOException {
    RespClient client = new RespClient(redis.host(), redis.port());
    String userInfo = redis.uri().getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      Object reply =
          colon < 0
              ? client.call("AUTH", userInfo)
              : colon == 0
                  ? client.call("AUTH", userInfo.substring(1))
                  : client.call(
                      "AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1));
      if (!"OK".equals(reply)) {
        throw new IOException("AUTH failed: " + reply);
      }
    }
    return client;
  }

  /** Sends {@code args} and returns the reply; an error reply is returned as a RespError. */
  synchronized Object call(String... args) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(bytes);
      request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write(request.toByteArray());
    out.flush();
    return read();
  }

  long callLong(String... args) throws IOException {
    Object reply = call(args);
    if (reply instanceof Long value) {
      return value;
    }
    if (reply instanceof byte[] bytes) {
      return Long.parseLong(new String(bytes, StandardCharsets.US_ASCII));
    }
    throw new IOException("not a number: " + reply);
  }

  private Object read() throws IOException {
    int type = in.read();
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        return new RespError(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        {
          int length = Integer.parseInt(line);
          if (length < 0) {
            return null;
          }
          byte[] bytes = in.readNBytes(length);
          line();
          return bytes;
        }
      case '*':
        {
          int count = Integer.parseInt(line);
          if (count < 0) {
            return null;
          }
          List<Object> items = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            items.add(read());
          }
          return items;
        }
      default:
        throw new IOException("unexpected RESP type " + type);
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\r'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      line.append((char) c);
    }
    in.read(); // '\n'
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** An error reply. */
  record RespError(String message) {}
}
