package io.github.segmentskit.limiter.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis for the tests, with no setup: the {@code redis-server} binary bundled in
 * embedded-redis, extracted into a fresh temporary directory (as on a new machine) and started on a
 * free loopback port without persistence; or, when {@code REDIS_URL} is set, that server (which is
 * then neither started nor stopped, and whose keys the tests do not flush: every test uses keys of
 * its own). {@link #close()} stops what {@link #start()} started.
 */
final class TestRedis implements AutoCloseable {
  private final URI uri;
  private final RedisServer server; // null when REDIS_URL is used
  private final Path binaryDirectory;

  private TestRedis(URI uri, RedisServer server, Path binaryDirectory) {
    this.uri = uri;
    this.server = server;
    this.binaryDirectory = binaryDirectory;
  }

  /**
   * Held from extracting the binary to its start: test classes run in parallel, and a process
   * forked while another thread still holds the freshly written binary open (the fork inherits that
   * descriptor) makes its exec fail with "Text file busy" (ETXTBSY). Every fork of this module's
   * test JVM is a Redis start, so one lock over them is enough.
   */
  private static final ReentrantLock STARTING = new ReentrantLock();

  static TestRedis start() {
    String external = System.getenv("REDIS_URL");
    if (external != null && !external.isBlank()) {
      return new TestRedis(URI.create(external.trim()), null, null);
    }
    try {
      if (!STARTING.tryLock(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("another test's Redis start held the lock for 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to start Redis", e);
    }
    try {
      return startBundled();
    } finally {
      STARTING.unlock();
    }
  }

  private static TestRedis startBundled() {
    Path directory = null;
    try {
      directory = Files.createTempDirectory("segments-kit-redis-");
      int port = freePort();
      RedisServer server =
          RedisServer.newRedisServer()
              .executableProvider(ExecutableProvider.newJarResourceProvider(directory.toFile()))
              .bind("127.0.0.1")
              .port(port)
              .setting("save \"\"")
              .setting("appendonly no")
              .onShutdownForceStop(true)
              .build();
      server.start();
      return new TestRedis(URI.create("redis://127.0.0.1:" + port), server, directory);
    } catch (IOException e) {
      deleteQuietly(directory);
      throw new UncheckedIOException(
          "could not start the redis-server bundled in embedded-redis (it needs libssl.so.3);"
              + " set REDIS_URL=redis://host:port to use another Redis",
          e);
    }
  }

  /** The server's URI, e.g. {@code redis://127.0.0.1:40123}. */
  URI uri() {
    return uri;
  }

  /** The server's URI with another port (a proxy's), its user info kept. */
  URI uriVia(int proxyPort) {
    String userInfo = uri.getRawUserInfo();
    return URI.create(
        uri.getScheme()
            + "://"
            + (userInfo == null ? "" : userInfo + "@")
            + "127.0.0.1:"
            + proxyPort
            + (uri.getRawPath() == null ? "" : uri.getRawPath()));
  }

  String host() {
    return uri.getHost();
  }

  int port() {
    return uri.getPort() == -1 ? 6379 : uri.getPort();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        deleteQuietly(binaryDirectory);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: the OS cleans it up
    }
  }
}
