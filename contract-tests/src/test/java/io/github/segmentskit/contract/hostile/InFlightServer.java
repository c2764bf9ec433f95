package io.github.segmentskit.contract.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Counts the requests in flight as the server sees them, and the peak. A request is in flight from
 * the moment its last byte arrived until its response was written, or until the client closed the
 * connection (a client that gives up on a request has to close its connection for the server to
 * stop working on it). Each request is held for {@code hold} (or until {@link #releaseAll()}) and
 * then answered {@code 200} with a write response ({@code {"data":[]}}).
 *
 * <p>One thread and a selector see every connection, so the count follows the wire: within each
 * wake-up, connections the clients closed are counted out before new requests are counted in. A
 * client that closes one connection and only then sends on another can never look like two requests
 * in flight.
 */
final class InFlightServer implements AutoCloseable {
  private static final byte[] RESPONSE =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
              + "{\"data\":[]}")
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocketChannel listener;
  private final Selector selector;
  private final long holdNanos;
  private final Thread loop;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private volatile boolean released;
  private volatile boolean closed;

  private InFlightServer(Duration hold) throws IOException {
    this.holdNanos = hold == null ? Long.MAX_VALUE : hold.toNanos();
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    this.loop = new Thread(this::run, "in-flight-server");
    loop.setDaemon(true);
    loop.start();
  }

  /** A server that answers each request {@code hold} after it arrived. */
  static InFlightServer holdingEachFor(Duration hold) {
    try {
      return new InFlightServer(hold);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server that answers nothing until {@link #releaseAll()}. */
  static InFlightServer holdingUntilReleased() {
    return holdingEachFor(null);
  }

  URI baseUri(String storeHash) {
    return URI.create(
        "http://127.0.0.1:" + listener.socket().getLocalPort() + "/stores/" + storeHash + "/v3");
  }

  int inFlight() {
    return inFlight.get();
  }

  /** The most requests in flight at once so far. */
  int peak() {
    return peak.get();
  }

  /** Requests received in all. */
  int requests() {
    return requests.get();
  }

  /** Requests answered. */
  int answered() {
    return answered.get();
  }

  /** Requests whose client closed the connection before the answer. */
  int abandoned() {
    return abandoned.get();
  }

  /** Answers every request held now, and each later one as soon as it arrives. */
  void releaseAll() {
    released = true;
    selector.wakeup();
  }

  /**
   * Waits until {@code count} requests are in flight at once.
   *
   * @throws AssertionError if that did not happen within {@code max}
   */
  void awaitInFlight(int count, Duration max) throws InterruptedException {
    awaitCondition(() -> inFlight.get() >= count, max, count + " requests in flight");
  }

  /**
   * Waits until {@code count} requests were received in all.
   *
   * @throws AssertionError if fewer were after {@code max}
   */
  void awaitRequests(int count, Duration max) throws InterruptedException {
    awaitCondition(() -> requests.get() >= count, max, count + " requests received");
  }

  /**
   * Waits until no request is in flight.
   *
   * @throws AssertionError if some still were after {@code max}
   */
  void awaitIdle(Duration max) throws InterruptedException {
    awaitCondition(() -> inFlight.get() == 0, max, "no request in flight");
  }

  private void awaitCondition(BooleanSupplier condition, Duration max, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "waited "
                + max.toMillis()
                + " ms for "
                + what
                + "; in flight: "
                + inFlight.get()
                + ", received: "
                + requests.get());
      }
      Thread.sleep(5);
    }
  }

  private void run() {
    List<Connection> connections = new ArrayList<>();
    try {
      while (!closed) {
        long now = System.nanoTime();
        long wait = nextDue(connections, now);
        if (wait <= 0) {
          selector.selectNow();
        } else {
          selector.select(Math.max(1, Math.min(wait / 1_000_000, 1_000)));
        }
        List<Connection> gone = new ArrayList<>();
        List<Connection> arrived = new ArrayList<>();
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isAcceptable()) {
            accept(connections);
          } else if (key.isReadable()) {
            Connection connection = (Connection) key.attachment();
            if (!connection.read()) {
              gone.add(connection);
            } else if (connection.requestComplete() && !connection.holding) {
              arrived.add(connection);
            }
          }
        }
        selector.selectedKeys().clear();
        for (Connection connection : gone) { // counted out first: they closed before we woke
          if (connection.holding) {
            connection.holding = false;
            inFlight.decrementAndGet();
            abandoned.incrementAndGet();
          }
          connection.close();
          connections.remove(connection);
        }
        now = System.nanoTime();
        for (Connection connection : arrived) {
          connection.holding = true;
          connection.since = now;
          requests.incrementAndGet();
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }
        for (Connection connection : new ArrayList<>(connections)) {
          if (connection.holding && (released || now - connection.since >= holdNanos)) {
            connection.holding = false;
            inFlight.decrementAndGet();
            if (connection.answer()) {
              answered.incrementAndGet();
            } else {
              abandoned.incrementAndGet();
              connection.close();
              connections.remove(connection);
            }
          }
        }
      }
    } catch (IOException e) {
      // the server ends
    } finally {
      connections.forEach(Connection::close);
    }
  }

  private long nextDue(List<Connection> connections, long now) {
    long next = Long.MAX_VALUE;
    for (Connection connection : connections) {
      if (connection.holding) {
        if (released) {
          return 0;
        }
        if (holdNanos != Long.MAX_VALUE) {
          next = Math.min(next, connection.since + holdNanos - now);
        }
      }
    }
    return next;
  }

  private void accept(List<Connection> connections) throws IOException {
    SocketChannel channel;
    while ((channel = listener.accept()) != null) {
      channel.configureBlocking(false);
      channel.socket().setTcpNoDelay(true);
      Connection connection = new Connection(channel);
      channel.register(selector, SelectionKey.OP_READ, connection);
      connections.add(connection);
    }
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      listener.close();
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One client connection: the bytes of the request being read, and whether it is held. */
  private static final class Connection {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    private boolean holding;
    private long since;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    /** Reads what arrived; false if the client closed (or reset) the connection. */
    boolean read() {
      try {
        if (!buffer.hasRemaining()) {
          return false; // a request larger than the buffer: not one of ours
        }
        return channel.read(buffer) >= 0;
      } catch (IOException e) {
        return false;
      }
    }

    /** True once a whole request (head and Content-Length body) is in the buffer. */
    boolean requestComplete() {
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return false;
      }
      long length = 0;
      for (String line : text.substring(0, end).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(line.substring(colon + 1).trim());
        }
      }
      return buffer.position() >= end + 4 + length;
    }

    /** Writes the answer and makes ready for the next request; false if the client is gone. */
    boolean answer() {
      buffer.clear();
      ByteBuffer response = ByteBuffer.wrap(RESPONSE);
      try {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (response.hasRemaining() && System.nanoTime() - deadline < 0) {
          channel.write(response);
        }
        return !response.hasRemaining();
      } catch (IOException e) {
        return false;
      }
    }

    void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
