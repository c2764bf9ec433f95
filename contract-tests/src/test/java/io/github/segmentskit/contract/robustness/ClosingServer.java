package io.github.segmentskit.contract.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw socket on 127.0.0.1 that accepts each connection and closes it at once, without reading a
 * byte of the request: the client's write (or its read of the answer) fails. Accepts at most {@code
 * maxConnections}, then stops by itself.
 */
final class ClosingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicInteger accepted = new AtomicInteger();

  private ClosingServer(int maxConnections) throws IOException {
    this.socket = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(() -> acceptAndClose(maxConnections), "closing-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ClosingServer start(int maxConnections) {
    try {
      return new ClosingServer(maxConnections);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri(String storeHash) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/stores/" + storeHash + "/v3");
  }

  /** The connections accepted (and closed unread) so far. */
  int accepted() {
    return accepted.get();
  }

  private void acceptAndClose(int maxConnections) {
    while (accepted.get() < maxConnections) {
      try (Socket connection = socket.accept()) {
        accepted.incrementAndGet();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
