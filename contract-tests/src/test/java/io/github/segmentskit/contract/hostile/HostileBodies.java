package io.github.segmentskit.contract.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RawServer} with one hostile answer per store hash (the scenario names below), for the
 * probes of issue 10.2, 10.3 and 10.9 ({@link HostileProbe}). Every large body is generated as it
 * is sent; per scenario it counts requests, bytes written and connections the client closed.
 */
final class HostileBodies implements AutoCloseable {
  /** Headers and {@code {"data":[}, then silence until the client closes (30 s at most). */
  static final String STALLED = "stalled";

  /** The same, chunked. */
  static final String STALLED_CHUNKED = "stalledchunked";

  /** Stalled like {@link #STALLED}: the calls that stay stuck while others run. */
  static final String STUCK = "stuck";

  /** A valid page, sent in pieces over about 300 ms. */
  static final String SLOW_BUT_FINISHING = "slowok";

  /** A 2xx of 500 MB, announced by {@code Content-Length}. */
  static final String HUGE_DECLARED = "hugedeclared";

  /** A 2xx of 500 MB without a length: read until the server closes. */
  static final String HUGE_UNTIL_CLOSE = "hugeuntilclose";

  /** A chunked 2xx without end (stops at 4 GiB). */
  static final String ENDLESS_CHUNKED = "endless";

  /** About 1 MB of gzip that inflates to 1 GiB, though the client never asked for gzip. */
  static final String GZIP_BOMB = "gzipbomb";

  /** A chunked 500 error body of 40 MB. */
  static final String HUGE_ERROR = "hugeerror";

  /** A valid page, gzip, with a non-ASCII segment name. */
  static final String VALID_GZIP = "validgzip";

  /**
   * A 500 whose JSON error body is just under the default cap (4 MiB): 300,000 tiny field errors,
   * as a misbehaving gateway might send. Not too large to read, so the client must read it within
   * bounded memory.
   */
  static final String ERROR_NEAR_THE_CAP = "errornearcap";

  static final String NON_ASCII_NAME = "Caf\u00e9 \u2713 \uD83D\uDE80";
  static final long HUGE = 500L * 1024 * 1024;
  static final long ERROR_BODY = 40L * 1024 * 1024;

  private static final String SEGMENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  private static final GzipBomb BOMB = GzipBomb.ofMebibytes(1024);

  private final RawServer server;
  private final Map<String, Stats> stats = new ConcurrentHashMap<>();

  private HostileBodies() {
    this.server = RawServer.start(this::answer);
  }

  static HostileBodies start() {
    return new HostileBodies();
  }

  /** {@code http://127.0.0.1:port}, below which each scenario is {@code /stores/<name>/v3}. */
  String origin() {
    String base = server.baseUri("x").toString();
    return base.substring(0, base.indexOf("/stores/"));
  }

  /** What happened in scenario {@code name}. */
  Stats stats(String name) {
    return stats.computeIfAbsent(name, n -> new Stats());
  }

  /** A page of one segment named {@link #NON_ASCII_NAME}, as the API would send it. */
  static String onePage() {
    return "{\"data\":[{\"id\":\""
        + SEGMENT_ID
        + "\",\"name\":\""
        + NON_ASCII_NAME
        + "\"}],\"meta\":{\"pagination\":{\"total\":1,\"count\":1,\"per_page\":50,"
        + "\"current_page\":1,\"total_pages\":1}}}";
  }

  private void answer(RawRequest request, RawServer.Exchange exchange)
      throws IOException, InterruptedException {
    String path = request.path();
    String scenario = path.substring("/stores/".length(), path.indexOf("/v3"));
    Stats counted = stats(scenario);
    counted.requests.incrementAndGet();
    request.header("Accept-Encoding").ifPresent(counted.acceptEncodings::add);
    OutputStream out = new Counted(exchange.out(), counted.bytes);
    try {
      script(scenario, exchange, out, counted);
    } catch (IOException e) {
      counted.clientClosed.incrementAndGet(); // a write failed: the client closed the connection
      throw e;
    }
  }

  private static void script(
      String scenario, RawServer.Exchange exchange, OutputStream out, Stats counted)
      throws IOException, InterruptedException {
    switch (scenario) {
      case STALLED, STUCK -> {
        ascii(out, RawResponses.head(200, "application/json", 100_000));
        ascii(out, "{\"data\":[");
        stall(exchange, counted);
      }
      case STALLED_CHUNKED -> {
        ascii(out, RawResponses.chunkedHead(200, "application/json"));
        byte[] start = "{\"data\":[".getBytes(StandardCharsets.US_ASCII);
        RawResponses.chunk(out, start, start.length);
        out.flush();
        stall(exchange, counted);
      }
      case SLOW_BUT_FINISHING -> {
        byte[] body = onePage().getBytes(StandardCharsets.UTF_8);
        ascii(out, RawResponses.head(200, "application/json", body.length));
        int piece = body.length / 5 + 1;
        for (int from = 0; from < body.length; from += piece) {
          out.write(body, from, Math.min(piece, body.length - from));
          out.flush();
          Thread.sleep(60);
        }
      }
      case HUGE_DECLARED -> {
        ascii(out, RawResponses.head(200, "application/json", HUGE));
        RawResponses.filler(out, HUGE);
      }
      case HUGE_UNTIL_CLOSE -> {
        ascii(
            out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        RawResponses.filler(out, HUGE);
      }
      case ENDLESS_CHUNKED -> {
        ascii(out, RawResponses.chunkedHead(200, "application/json"));
        RawResponses.endlessChunks(out, 4L << 30);
      }
      case GZIP_BOMB -> {
        ascii(
            out,
            RawResponses.head(
                200, "application/json", BOMB.compressedBytes(), "Content-Encoding: gzip"));
        BOMB.writeTo(out);
      }
      case HUGE_ERROR -> {
        ascii(out, RawResponses.chunkedHead(500, "text/plain"));
        byte[] piece = new byte[64 * 1024];
        Arrays.fill(piece, (byte) 'e');
        for (long sent = 0; sent < ERROR_BODY; sent += piece.length) {
          RawResponses.chunk(out, piece, piece.length);
        }
        ascii(out, "0\r\n\r\n");
      }
      case VALID_GZIP -> {
        byte[] body = RawResponses.gzip(onePage());
        ascii(
            out, RawResponses.head(200, "application/json", body.length, "Content-Encoding: gzip"));
        out.write(body);
      }
      case ERROR_NEAR_THE_CAP -> {
        ascii(out, RawResponses.chunkedHead(500, "application/json"));
        StringBuilder piece =
            new StringBuilder("{\"title\":\"near the cap\",\"errors\":{\"f0\":\"v\"");
        long sent = 0;
        long limit = 4L * 1024 * 1024 - 64;
        for (int field = 1; sent + piece.length() < limit; field++) {
          if (piece.length() > 60_000) {
            sent += chunk(out, piece);
          }
          piece.append(",\"f").append(field).append("\":\"v\"");
        }
        piece.append("}}");
        chunk(out, piece);
        ascii(out, "0\r\n\r\n");
      }
      default -> throw new IOException("no scenario " + scenario);
    }
    out.flush();
  }

  /** Sends {@code text} as one chunk, empties it and returns its length. */
  private static int chunk(OutputStream out, StringBuilder text) throws IOException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    RawResponses.chunk(out, bytes, bytes.length);
    text.setLength(0);
    return bytes.length;
  }

  private static void stall(RawServer.Exchange exchange, Stats counted) throws IOException {
    if (exchange.awaitClientClose(30_000)) {
      counted.clientClosed.incrementAndGet();
    }
  }

  private static void ascii(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    server.close();
  }

  /** What one scenario's server side saw. */
  static final class Stats {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    final AtomicInteger clientClosed = new AtomicInteger();
    final List<String> acceptEncodings = new CopyOnWriteArrayList<>();

    @Override
    public String toString() {
      return "requests="
          + requests.get()
          + ", bytes written="
          + bytes.get()
          + ", connections closed by the client="
          + clientClosed.get()
          + ", Accept-Encoding asked for="
          + acceptEncodings;
    }
  }

  /** Counts the bytes written through it. */
  private static final class Counted extends OutputStream {
    private final OutputStream out;
    private final AtomicLong count;

    Counted(OutputStream out, AtomicLong count) {
      this.out = out;
      this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.incrementAndGet();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count.addAndGet(length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
