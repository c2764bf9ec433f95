package io.github.segmentskit.limiter.redis;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The immutable configuration of a {@link RedisConcurrencyLimiter}: which store, how many requests
 * of it the fleet may have in flight, how long a permit's lease lasts, where Redis is and how long
 * to wait for it, and what to do when it is gone. Build it with {@link #builder(String)}; every
 * setter checks its value at once.
 *
 * <p><b>Leases.</b> A permit is leased for {@link #lease()} = {@link #requestTimeout()} + {@link
 * #leaseMargin()}. The client aborts every exchange at its {@code requestTimeout} and then gives
 * the permit back (an interrupted caller's exchange too), so a live request never outlives its
 * lease when both sides are given the same {@code requestTimeout}; the lease only ends first for a
 * JVM that died or hung, whose permits then come back to the fleet at most {@code lease()} after
 * they were taken. The margin covers the time between taking the permit and starting the request's
 * deadline (a Redis round trip or two), a GC pause, and the clock difference between the fleet's
 * hosts (Redisson dates a lease by the taker's clock and expires it by the clock of whoever looks
 * next).
 */
public final class RedisLimiterConfig {
  /** The default key prefix: keys are {@code segments-kit:limiter:{store}:...}. */
  public static final String DEFAULT_KEY_PREFIX = "segments-kit:limiter";

  private static final Pattern STORE_HASH = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9:._-]{1,100}");
  private static final Duration MAX = Duration.ofHours(1);

  private final String storeHash;
  private final int maxConcurrentRequests;
  private final Duration requestTimeout;
  private final Duration leaseMargin;
  private final Duration handOffWindow;
  private final URI redisUri;
  private final String keyPrefix;
  private final Duration connectTimeout;
  private final Duration commandTimeout;
  private final Duration retryRedisAfter;
  private final int fallbackLimit;
  private final ConcurrencyLimiterRegistry fallbackRegistry;

  private RedisLimiterConfig(Builder builder) {
    this.storeHash = builder.storeHash;
    this.maxConcurrentRequests = builder.maxConcurrentRequests;
    this.requestTimeout = builder.requestTimeout;
    this.leaseMargin = builder.leaseMargin;
    this.handOffWindow = builder.handOffWindow;
    this.redisUri = builder.redisUri;
    this.keyPrefix = builder.keyPrefix;
    this.connectTimeout = builder.connectTimeout;
    this.commandTimeout = builder.commandTimeout;
    this.retryRedisAfter = builder.retryRedisAfter;
    this.fallbackLimit = builder.fallbackLimit;
    this.fallbackRegistry = builder.fallbackRegistry;
  }

  /**
   * A builder for the limiter of {@code storeHash} (letters and digits; any case: the fleet shares
   * one limit per store whatever case each JVM writes it in).
   */
  public static Builder builder(String storeHash) {
    return new Builder(storeHash);
  }

  /** The store, in lower case (as it appears in the Redis keys). */
  public String storeHash() {
    return storeHash;
  }

  /** The most requests of the store the whole fleet has in flight; default 10. */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** The {@code requestTimeout} the clients using this limiter are built with; default 30 s. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** What the lease adds to {@link #requestTimeout()}; default 5 s. */
  public Duration leaseMargin() {
    return leaseMargin;
  }

  /**
   * How long after a permit was taken from Redis its JVM may still hand it straight to another of
   * its waiting callers when a request ends, instead of giving it back to the fleet; default 500
   * ms, never more than half of {@link #leaseMargin()} (so that every request a permit covers ends,
   * at its {@code requestTimeout}, at least half the margin before the lease); zero turns it off.
   *
   * <p>A hand-over saves the release, the fleet-wide wake-up and the next acquire (two or three
   * Redis round trips and a wake-up in every JVM); the window bounds how long a busy JVM can keep a
   * permit from the rest of the fleet.
   */
  public Duration handOffWindow() {
    Duration half = leaseMargin.dividedBy(2);
    return handOffWindow.compareTo(half) > 0 ? half : handOffWindow;
  }

  /** How long a permit is leased: {@code requestTimeout + leaseMargin}. */
  public Duration lease() {
    return requestTimeout.plus(leaseMargin);
  }

  /**
   * Where Redis is, for {@link RedisConcurrencyLimiter#connect}; default redis://127.0.0.1:6379.
   */
  public URI redisUri() {
    return redisUri;
  }

  /** The prefix of every key the limiter writes; default {@value #DEFAULT_KEY_PREFIX}. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** The TCP connect timeout to Redis; default 2 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * How long one Redis command may take before it counts as failed (Redis is then treated as
   * unreachable for {@link #retryRedisAfter()}); default 3 s, Redisson's own default.
   */
  public Duration commandTimeout() {
    return commandTimeout;
  }

  /**
   * After Redis failed, how long {@code acquire} answers without asking Redis (failing at once, or
   * from the local fallback) before it tries Redis again; default 1 s.
   */
  public Duration retryRedisAfter() {
    return retryRedisAfter;
  }

  /**
   * The per-JVM limit used while Redis is unreachable, if {@link Builder#fallbackToLocal(int)} was
   * chosen; empty by default (calls then fail with {@code ConcurrencyLimiterUnavailableException}).
   */
  public Optional<Integer> fallbackLimit() {
    return fallbackLimit == 0 ? Optional.empty() : Optional.of(fallbackLimit);
  }

  /** The registry whose store limiter the local fallback joins; default the shared one. */
  public ConcurrencyLimiterRegistry fallbackRegistry() {
    return fallbackRegistry;
  }

  /** The Redis address without user info (a password in the URI is never shown). */
  String redisAddressForDisplay() {
    return redisUri.getScheme() + "://" + redisUri.getHost() + ":" + port(redisUri);
  }

  static int port(URI uri) {
    return uri.getPort() == -1 ? 6379 : uri.getPort();
  }

  @Override
  public String toString() {
    return "RedisLimiterConfig[store="
        + storeHash
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", lease="
        + lease().toMillis()
        + " ms (requestTimeout "
        + requestTimeout.toMillis()
        + " ms + margin "
        + leaseMargin.toMillis()
        + " ms), handOffWindow="
        + handOffWindow().toMillis()
        + " ms, redis="
        + redisAddressForDisplay()
        + ", keyPrefix="
        + keyPrefix
        + ", fallbackToLocal="
        + (fallbackLimit == 0 ? "no" : String.valueOf(fallbackLimit))
        + "]";
  }

  /** Builds a {@link RedisLimiterConfig}; each setter checks its value at once. */
  public static final class Builder {
    private final String storeHash;
    private int maxConcurrentRequests = 10;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration leaseMargin = Duration.ofSeconds(5);
    private Duration handOffWindow = Duration.ofMillis(500);
    private URI redisUri = URI.create("redis://127.0.0.1:6379");
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration commandTimeout = Duration.ofSeconds(3);
    private Duration retryRedisAfter = Duration.ofSeconds(1);
    private int fallbackLimit;
    private ConcurrencyLimiterRegistry fallbackRegistry = ConcurrencyLimiterRegistry.shared();

    private Builder(String storeHash) {
      requireNonNull(storeHash, "storeHash == null");
      if (!STORE_HASH.matcher(storeHash).matches()) {
        throw new IllegalArgumentException(
            "storeHash must be 1 to 64 letters and digits, was \""
                + (storeHash.length() > 64 ? storeHash.substring(0, 64) + "..." : storeHash)
                + "\"");
      }
      this.storeHash = storeHash.toLowerCase(Locale.ROOT);
    }

    /** The fleet's limit of requests in flight for the store; 1 to 1000; default 10. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1000) {
        throw new IllegalArgumentException(
            "maxConcurrentRequests must be between 1 and 1000, was " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * The {@code requestTimeout} of the clients that use the limiter (give both the same value);
     * positive, at most one hour; default 30 s, the client's default.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = within(requestTimeout, "requestTimeout", Duration.ofMillis(1));
      return this;
    }

    /** What the lease adds to the request timeout; 100 ms to one hour; default 5 s. */
    public Builder leaseMargin(Duration leaseMargin) {
      this.leaseMargin = within(leaseMargin, "leaseMargin", Duration.ofMillis(100));
      return this;
    }

    /**
     * How long after a permit was taken from Redis its JVM may hand it to another of its waiting
     * callers instead of giving it back to the fleet; zero to one hour (zero: always give it back);
     * default 500 ms. In force: at most half the lease margin ({@link
     * RedisLimiterConfig#handOffWindow()}).
     */
    public Builder handOffWindow(Duration handOffWindow) {
      requireNonNull(handOffWindow, "handOffWindow == null");
      if (handOffWindow.isNegative() || handOffWindow.compareTo(MAX) > 0) {
        throw new IllegalArgumentException(
            "handOffWindow must be between 0 and 1 hour, was " + handOffWindow);
      }
      this.handOffWindow = handOffWindow;
      return this;
    }

    /**
     * Where Redis is: {@code redis://[:password@]host[:port][/database]}, or {@code rediss://} for
     * TLS; default {@code redis://127.0.0.1:6379}. Used by {@link RedisConcurrencyLimiter#connect};
     * a limiter on a {@code RedissonClient} of yours ignores it.
     */
    public Builder redisUri(URI redisUri) {
      requireNonNull(redisUri, "redisUri == null");
      String scheme = redisUri.getScheme();
      if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
        throw new IllegalArgumentException(
            "redisUri must start with redis:// or rediss://, was scheme " + scheme);
      }
      if (redisUri.getHost() == null) {
        throw new IllegalArgumentException("redisUri must name a host");
      }
      String path = redisUri.getPath();
      if (path != null && !path.isEmpty() && !path.matches("/[0-9]{0,2}")) {
        throw new IllegalArgumentException(
            "redisUri's path must be empty or a database number like /0, was " + path);
      }
      if (redisUri.getRawQuery() != null || redisUri.getRawFragment() != null) {
        throw new IllegalArgumentException("redisUri must have no query or fragment");
      }
      this.redisUri = redisUri;
      return this;
    }

    /**
     * The prefix of the limiter's keys; 1 to 100 of letters, digits and {@code : . _ -}; default
     * {@value #DEFAULT_KEY_PREFIX}. Every JVM of a fleet must use the same.
     */
    public Builder keyPrefix(String keyPrefix) {
      requireNonNull(keyPrefix, "keyPrefix == null");
      if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
        throw new IllegalArgumentException(
            "keyPrefix must be 1 to 100 letters, digits or ':._-', was \"" + keyPrefix + "\"");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** The TCP connect timeout to Redis; 10 ms to one hour; default 2 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = within(connectTimeout, "connectTimeout", Duration.ofMillis(10));
      return this;
    }

    /**
     * How long one Redis command may take before Redis counts as unreachable; 10 ms to one hour;
     * default 3 s. Keep it well above Redis's worst latency under load: a timeout fails calls (or
     * switches to the local fallback) for {@code retryRedisAfter}.
     */
    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = within(commandTimeout, "commandTimeout", Duration.ofMillis(10));
      return this;
    }

    /**
     * After a Redis failure, how long to answer without asking Redis before trying it again; 10 ms
     * to one hour; default 1 s.
     */
    public Builder retryRedisAfter(Duration retryRedisAfter) {
      this.retryRedisAfter = within(retryRedisAfter, "retryRedisAfter", Duration.ofMillis(10));
      return this;
    }

    /**
     * While Redis is unreachable, limit this JVM to {@code perJvmLimit} requests of the store in
     * flight (a lease of {@link #fallbackRegistry}) instead of failing every call. Off by default:
     * a fleet of N JVMs may then have up to N × {@code perJvmLimit} requests in flight, so choose
     * about {@code maxConcurrentRequests / N}.
     */
    public Builder fallbackToLocal(int perJvmLimit) {
      if (perJvmLimit < 1 || perJvmLimit > 1000) {
        throw new IllegalArgumentException(
            "fallbackToLocal's perJvmLimit must be between 1 and 1000, was " + perJvmLimit);
      }
      this.fallbackLimit = perJvmLimit;
      return this;
    }

    /**
     * The registry the local fallback joins while Redis is unreachable; default {@link
     * ConcurrencyLimiterRegistry#shared()} (it then also bounds the JVM's other clients of the
     * store: the smallest limit wins).
     */
    public Builder fallbackRegistry(ConcurrencyLimiterRegistry fallbackRegistry) {
      this.fallbackRegistry = requireNonNull(fallbackRegistry, "fallbackRegistry == null");
      return this;
    }

    /** The configuration. */
    public RedisLimiterConfig build() {
      return new RedisLimiterConfig(this);
    }

    private static Duration within(Duration value, String name, Duration min) {
      requireNonNull(value, name + " == null");
      if (value.compareTo(min) < 0 || value.compareTo(MAX) > 0) {
        throw new IllegalArgumentException(
            name + " must be between " + min.toMillis() + " ms and 1 hour, was " + value);
      }
      return value;
    }
  }
}
