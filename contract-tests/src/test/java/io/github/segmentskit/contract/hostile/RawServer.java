package io.github.segmentskit.contract.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on a random port of 127.0.0.1 whose answers a test writes byte by byte, for
 * what WireMock cannot do: stall mid-body, send a body without end, a gzip bomb, a body generated
 * as it is sent, close without an answer. One thread per connection; each request is read (head and
 * {@code Content-Length} body), logged, and handed to the {@link Script}. After the script the
 * connection is closed, unless the script called {@link Exchange#keepAlive()}.
 *
 * <p>{@link #close()} stops accepting, closes every connection (which ends any stalled script) and
 * waits a bounded time for the connection threads to end.
 */
final class RawServer implements AutoCloseable {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024;

  /** What the server does with one request. */
  @FunctionalInterface
  interface Script {
    void answer(RawRequest request, Exchange exchange) throws IOException, InterruptedException;
  }

  private final ServerSocket listener;
  private final Script script;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<RawRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger clientCloses = new AtomicInteger();
  private final AtomicLong bytesWritten = new AtomicLong();
  private volatile boolean closed;

  private RawServer(Script script) throws IOException {
    this.script = script;
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "raw-server-acceptor-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RawServer start(Script script) {
    try {
      return new RawServer(script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri(String storeHash) {
    return URI.create(
        "http://127.0.0.1:" + listener.getLocalPort() + "/stores/" + storeHash + "/v3");
  }

  /** Every request read so far, in arrival order. */
  List<RawRequest> requests() {
    return List.copyOf(requests);
  }

  /** The connections accepted so far. */
  int connections() {
    return connections.get();
  }

  /** How many times a script saw the client close its connection while it waited or wrote. */
  int clientCloses() {
    return clientCloses.get();
  }

  /** The bytes the scripts wrote (headers and bodies), summed over every connection. */
  long bytesWritten() {
    return bytesWritten.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      int number = connections.incrementAndGet();
      open.add(socket);
      Thread thread = new Thread(() -> serve(socket, number), "raw-server-connection-" + number);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = new CountingOutput(socket.getOutputStream(), bytesWritten);
      for (int index = 0; !closed; index++) {
        RawRequest request = read(in, connection, index);
        if (request == null) {
          return;
        }
        requests.add(request);
        Exchange exchange = new Exchange(socket, out);
        try {
          script.answer(request, exchange);
          out.flush();
        } catch (IOException e) {
          clientCloses.incrementAndGet(); // the client went away while the script wrote
          return;
        }
        if (exchange.clientClosed) {
          clientCloses.incrementAndGet();
          return;
        }
        if (!exchange.keepAlive) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the connection ends
    } finally {
      open.remove(socket);
    }
  }

  /** The next request on the connection, or null if the client closed it first. */
  private static RawRequest read(InputStream in, int connection, int index) throws IOException {
    byte[] head = new byte[MAX_HEAD_BYTES];
    int size = 0;
    while (size < 4 || !endsWithBlankLine(head, size)) {
      if (size == head.length) {
        throw new IOException("request head larger than " + MAX_HEAD_BYTES + " bytes");
      }
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head[size++] = (byte) b;
    }
    String text = new String(head, 0, size, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    String[] requestLine = lines[0].split(" ", 3);
    List<String[]> headers = new ArrayList<>();
    long length = 0;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        String name = lines[i].substring(0, colon).trim();
        String value = lines[i].substring(colon + 1).trim();
        headers.add(new String[] {name, value});
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        }
      }
    }
    if (length > MAX_REQUEST_BODY_BYTES) {
      throw new IOException("request body of " + length + " bytes");
    }
    byte[] body = in.readNBytes((int) length);
    return new RawRequest(
        requestLine[0],
        requestLine.length > 1 ? requestLine[1] : "",
        headers,
        body,
        connection,
        index);
  }

  private static boolean endsWithBlankLine(byte[] head, int size) {
    return head[size - 4] == '\r'
        && head[size - 3] == '\n'
        && head[size - 2] == '\r'
        && head[size - 1] == '\n';
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    for (Thread thread : threads) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      acceptor.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The connection of one request, as a script sees it. */
  static final class Exchange {
    private final Socket socket;
    private final OutputStream out;
    private boolean keepAlive;
    private boolean clientClosed;

    Exchange(Socket socket, OutputStream out) {
      this.socket = socket;
      this.out = out;
    }

    /** Where the script writes the raw response. */
    OutputStream out() {
      return out;
    }

    /** Writes ASCII text (a status line, headers) and flushes. */
    void write(String ascii) throws IOException {
      out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /** Leaves the connection open for the next request once the script returns. */
    void keepAlive() {
      keepAlive = true;
    }

    /**
     * Waits, without writing, until the client closes the connection or {@code maxMillis} pass;
     * returns true if the client closed it. A stalled body is a script that writes part of a
     * response and then calls this.
     */
    boolean awaitClientClose(long maxMillis) throws IOException {
      long deadline = System.nanoTime() + maxMillis * 1_000_000;
      InputStream in = socket.getInputStream();
      while (System.nanoTime() - deadline < 0) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout((int) Math.min(left, 200));
        try {
          if (in.read() < 0) {
            clientClosed = true;
            return true;
          }
        } catch (SocketTimeoutException e) {
          // still open: wait on
        } catch (IOException e) {
          clientClosed = true; // reset by the client, or closed by close()
          return true;
        }
      }
      return false;
    }
  }

  /** Counts the bytes written through it. */
  private static final class CountingOutput extends OutputStream {
    private final OutputStream out;
    private final AtomicLong count;

    CountingOutput(OutputStream out, AtomicLong count) {
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
