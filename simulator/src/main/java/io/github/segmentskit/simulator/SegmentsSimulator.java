package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A stateful, in-memory simulator of BigCommerce's Segments API, served over HTTP by the JDK's
 * {@link HttpServer} on a fixed thread pool. It implements the spec on its own (it does not use the
 * generated client), so a client that drifts from the spec fails against it.
 *
 * <pre>{@code
 * try (SegmentsSimulator simulator = SegmentsSimulator.builder().port(0).build().start()) {
 *   URI base = simulator.baseUri("abc123"); // http://127.0.0.1:PORT/stores/abc123/v3
 *   simulator.store("abc123").putSegment(id, "Wholesale buyers", "");
 *   ... send requests with X-Auth-Token: simulator-token ...
 *   assertThat(simulator.metrics().deleteAllRequests()).isZero();
 * }
 * }</pre>
 *
 * <p>State is per store hash, created on first use, thread-safe. See the package documentation for
 * the statuses it answers and why.
 */
public final class SegmentsSimulator implements AutoCloseable {

  /**
   * The JDK's HttpServer writes a response's headers and body in two TCP segments; with Nagle's
   * algorithm on, the client's delayed ACK then holds every response about 40 ms. The server reads
   * this property once, when the first HttpServer of the JVM starts, so it is set here (unless the
   * application has set it), before this class creates a server.
   */
  private static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }

  private final SimulatorConfig config;
  private final Supplier<UUID> ids;
  private final Metrics metrics = new Metrics();
  private final ConcurrentMap<String, StoreContext> stores = new ConcurrentHashMap<>();
  private HttpServer server;
  private ExecutorService executor;
  private boolean closed;

  private SegmentsSimulator(SimulatorConfig config, Supplier<UUID> ids) {
    this.config = requireNonNull(config, "config == null");
    this.ids = requireNonNull(ids, "ids == null");
  }

  /** A simulator with this configuration, not yet started. */
  public static SegmentsSimulator create(SimulatorConfig config) {
    return new SegmentsSimulator(config, UUID::randomUUID);
  }

  /** A simulator whose new segments and shopper profiles get their ids from {@code ids}. */
  static SegmentsSimulator create(SimulatorConfig config, Supplier<UUID> ids) {
    return new SegmentsSimulator(config, ids);
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving; returns this.
   *
   * @throws UncheckedIOException if the address cannot be bound
   * @throws IllegalStateException if already started or closed
   */
  public synchronized SegmentsSimulator start() {
    if (closed) {
      throw new IllegalStateException("the simulator was closed; build a new one");
    }
    if (server != null) {
      throw new IllegalStateException("the simulator is already started");
    }
    ExecutorService pool = Executors.newFixedThreadPool(config.threads(), new DaemonThreads());
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
      http.createContext("/", new SimulatorHandler(config, metrics, this::context));
      http.setExecutor(pool);
      http.start();
      server = http;
      executor = pool;
    } catch (IOException e) {
      pool.shutdownNow();
      throw new UncheckedIOException(
          "cannot bind " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    return this;
  }

  /** Whether the simulator is serving. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The bound port (the chosen one when the configured port is 0). */
  public synchronized int port() {
    requireRunning();
    return server.getAddress().getPort();
  }

  /** {@code http://HOST:PORT}, the address of the server. */
  public synchronized URI rootUri() {
    requireRunning();
    InetAddress address = server.getAddress().getAddress();
    String host;
    if (address.isAnyLocalAddress()) {
      host = "127.0.0.1";
    } else if (address.getHostAddress().contains(":")) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create("http://" + host + ":" + port());
  }

  /** {@code http://HOST:PORT/stores/{storeHash}/v3}: the base URL a client is pointed at. */
  public URI baseUri(String storeHash) {
    requireNonNull(storeHash, "storeHash == null");
    requireStoreHash(storeHash);
    return URI.create(rootUri() + "/stores/" + storeHash + "/v3");
  }

  /** The state of one store, created empty on first use (before or after {@link #start()}). */
  public SimulatedStore store(String storeHash) {
    requireNonNull(storeHash, "storeHash == null");
    requireStoreHash(storeHash);
    return new SimulatedStore(storeHash, context(storeHash));
  }

  /**
   * Empties every store (segments, profiles, memberships) and clears its rate-limit state (a {@link
   * SimulatedStore#rateLimitFor(Duration)}, the current quota window); the metrics are kept.
   */
  public void resetAllStores() {
    stores.values().forEach(StoreContext::reset);
  }

  /** The live metrics (reset them with {@link Metrics#reset()}). */
  public Metrics metrics() {
    return metrics;
  }

  /** The configuration. */
  public SimulatorConfig config() {
    return config;
  }

  /** Stops serving at once (requests in progress are cut off) and frees the port and threads. */
  @Override
  public synchronized void close() {
    closed = true;
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
    executor = null;
  }

  private StoreContext context(String storeHash) {
    return stores.computeIfAbsent(storeHash, hash -> StoreContext.create(config, metrics, ids));
  }

  private void requireRunning() {
    if (server == null) {
      throw new IllegalStateException("the simulator is not running: call start()");
    }
  }

  private static void requireStoreHash(String storeHash) {
    if (!Route.isStoreHash(storeHash)) {
      throw new IllegalArgumentException(
          "store hash must be 1 to 64 letters and digits but was '" + storeHash + "'");
    }
  }

  @Override
  public String toString() {
    return "SegmentsSimulator{" + config + "}";
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "segments-simulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * Builds a {@link SegmentsSimulator}. Defaults: host {@code 127.0.0.1}, port 0 (a free port), no
   * latency, modify token {@value SimulatorConfig#DEV_TOKEN}, no read-only token, at most {@value
   * Limits#DEFAULT_MAX_CONCURRENT_REQUESTS} requests in flight per store, a pool of 64 threads (or
   * twice the in-flight limit if more), the UTC system clock (for timestamps and for rate-limit
   * windows), PUT answered with 201, a quota of 150 requests per 30 s reported in the headers but
   * not enforced, 429s of the in-flight limit asking for a 1 s wait, no fault injection. Values are
   * checked by {@link #build()}.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Duration minLatency = Duration.ZERO;
    private Duration maxLatency = Duration.ZERO;
    private Set<String> modifyTokens = Set.of(SimulatorConfig.DEV_TOKEN);
    private Set<String> readOnlyTokens = Set.of();
    private int maxConcurrentRequests = Limits.DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Integer threads;
    private Clock clock = Clock.systemUTC();
    private int putSegmentsStatus = 201;
    private int rateLimitQuota = SimulatorConfig.DEFAULT_RATE_LIMIT_QUOTA;
    private Duration rateLimitWindow = SimulatorConfig.DEFAULT_RATE_LIMIT_WINDOW;
    private Duration retryAfter = Duration.ofSeconds(1);
    private FaultInjection faults = FaultInjection.none();
    private boolean quotaEnforced;
    private Clock rateLimitClock = Clock.systemUTC();

    private Builder() {}

    /** The address to bind (default {@code 127.0.0.1}). */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host == null");
      return this;
    }

    /** The port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** How long each admitted request is held in flight before it is handled (default none). */
    public Builder latency(Duration latency) {
      requireNonNull(latency, "latency == null");
      return latency(latency, latency);
    }

    /** A random hold between {@code min} and {@code max} (inclusive) for each admitted request. */
    public Builder latency(Duration min, Duration max) {
      this.minLatency = requireNonNull(min, "min == null");
      this.maxLatency = requireNonNull(max, "max == null");
      return this;
    }

    /**
     * The tokens with the modify scope; replaces the default {@value SimulatorConfig#DEV_TOKEN}.
     */
    public Builder modifyTokens(String... tokens) {
      requireNonNull(tokens, "tokens == null");
      return modifyTokens(Arrays.asList(tokens));
    }

    /**
     * The tokens with the modify scope; replaces the default {@value SimulatorConfig#DEV_TOKEN}.
     */
    public Builder modifyTokens(Collection<String> tokens) {
      this.modifyTokens = copy(tokens);
      return this;
    }

    /** The tokens with only the read-only scope (default none). */
    public Builder readOnlyTokens(String... tokens) {
      requireNonNull(tokens, "tokens == null");
      return readOnlyTokens(Arrays.asList(tokens));
    }

    /** The tokens with only the read-only scope (default none). */
    public Builder readOnlyTokens(Collection<String> tokens) {
      this.readOnlyTokens = copy(tokens);
      return this;
    }

    /** Requests one store may have in flight; more are answered with 429 (default 10). */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** The server's thread pool size; must exceed the in-flight limit (default 64 or 2x limit). */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** The clock of {@code created_at}/{@code updated_at} (default the UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** The success status of {@code PUT /segments}: 201 (default, as the reference says) or 200. */
    public Builder putSegmentsStatus(int status) {
      this.putSegmentsStatus = status;
      return this;
    }

    /**
     * The quota and window the {@code X-Rate-Limit-*} headers report (default 150 per 30 s), not
     * enforced: {@code X-Rate-Limit-Requests-Left} stops at 0 and nothing is refused.
     */
    public Builder rateLimit(int quota, Duration window) {
      this.rateLimitQuota = quota;
      this.rateLimitWindow = requireNonNull(window, "window == null");
      this.quotaEnforced = false;
      return this;
    }

    /**
     * Enforces a quota per store: in each window, a store's first {@code quota} authenticated
     * requests are served and the rest are answered with 429 ({@code X-Rate-Limit-Requests-Left:
     * 0}, {@code X-Rate-Limit-Time-Reset-Ms} the milliseconds until the window resets). A window
     * opens with a store's first request after the last one ran out. Default: not enforced.
     */
    public Builder quota(int quota, Duration window) {
      rateLimit(quota, window);
      this.quotaEnforced = true;
      return this;
    }

    /**
     * The clock of the rate-limit windows and of {@link SimulatedStore#rateLimitFor(Duration)}
     * (default the UTC system clock); tests move a clock of their own to reset windows at once.
     */
    public Builder rateLimitClock(Clock rateLimitClock) {
      this.rateLimitClock = requireNonNull(rateLimitClock, "rateLimitClock == null");
      return this;
    }

    /** The wait a 429 of the in-flight limit or of fault injection asks for (default 1 s). */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = requireNonNull(retryAfter, "retryAfter == null");
      return this;
    }

    /** Random 429s and 503s (default none). */
    public Builder faults(FaultInjection faults) {
      this.faults = requireNonNull(faults, "faults == null");
      return this;
    }

    /** The checked configuration. */
    public SimulatorConfig config() {
      int poolSize = threads != null ? threads : Math.max(64, 2 * maxConcurrentRequests);
      return new SimulatorConfig(
          host,
          port,
          minLatency,
          maxLatency,
          modifyTokens,
          readOnlyTokens,
          maxConcurrentRequests,
          poolSize,
          clock,
          putSegmentsStatus,
          rateLimitQuota,
          rateLimitWindow,
          retryAfter,
          faults,
          quotaEnforced,
          rateLimitClock);
    }

    /**
     * A simulator with the configuration, not yet started.
     *
     * @throws IllegalArgumentException naming the first value that is wrong
     */
    public SegmentsSimulator build() {
      return create(config());
    }

    private static Set<String> copy(Collection<String> tokens) {
      requireNonNull(tokens, "tokens == null");
      Set<String> copy = new LinkedHashSet<>();
      for (String token : tokens) {
        copy.add(requireNonNull(token, "tokens contains null"));
      }
      return copy;
    }
  }
}
