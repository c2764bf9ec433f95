package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentskit.generated.support.AccessToken;
import io.github.segmentskit.generated.support.RequestInterceptor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A safe, typed client of BigCommerce's Segments API for one store.
 *
 * <pre>{@code
 * try (SegmentsClient client = SegmentsClient.builder()
 *     .storeHash("abc123")
 *     .accessToken(token)
 *     .build()) {
 *   List<Segment> updated =
 *       client.segments().update(List.of(new SegmentPut().id(id).name("VIP"))).execute();
 * }
 * }</pre>
 *
 * <p>One entry object, one small client per resource: {@link #segments()} (and the profiles of a
 * segment, {@code segments().shopperProfiles(id)}), {@link #shopperProfiles()} (and the segments of
 * a profile, {@code shopperProfiles().segments(id)}). Each method checks its input at once and
 * returns a {@link Call}: {@code execute()} runs it on the calling thread, {@code executeAsync()}
 * on the client's executor.
 *
 * <p>Thread-safe. Close it to end its async threads and leave the store's limiter (its requests
 * still on the wire keep their permits until they end).
 */
public final class SegmentsClient implements AutoCloseable {
  /** The documented maximum of concurrent requests per store. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 10;

  /**
   * The default {@code maxResponseBytes}: 4 MiB. The largest response the API documents is a page
   * of 250 items of a few hundred bytes each, well under 1 MiB; 4 MiB leaves room for that to grow.
   * A call holds its body a few times over while it reads and parses it (the bytes, the model's
   * strings, Jackson's buffers): measured on JDK 17, a 3.8 MiB page needs about 40 MiB of heap, ten
   * at once about 220 MiB. Lower it for a small heap.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  /** The largest {@code maxResponseBytes} the builder accepts: 256 MiB. */
  public static final long MAX_RESPONSE_BYTES_LIMIT = 256L * 1024 * 1024;

  private final String storeHash;
  private final URI baseUri;
  private final ConcurrencyLimiter limiter;
  private final ConcurrencyLimiterRegistry.Lease lease;
  private final ClientExecutor executor;
  private final Segments segments;
  private final ShopperProfiles shopperProfiles;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SegmentsClient(Builder builder, URI baseUri) {
    this.storeHash = builder.storeHash;
    this.baseUri = baseUri;
    if (builder.concurrencyLimiter != null) {
      this.limiter = builder.concurrencyLimiter;
      this.lease = null;
    } else {
      this.lease = builder.limiterRegistry.join(storeHash, builder.maxConcurrentRequests);
      this.limiter = lease;
    }
    this.executor =
        builder.executor != null
            ? ClientExecutor.given(storeHash, builder.executor)
            : ClientExecutor.own(storeHash, builder.maxConcurrentRequests);
    SharedHttpClients.warnIfTheJdkResendsEveryMethod();
    ObjectMapper mapper = StrictJson.mapper();
    ErrorMapper errors = new ErrorMapper(mapper, builder.accessToken);
    HttpClient http =
        builder.httpClient != null
            ? builder.httpClient
            : SharedHttpClients.forConnectTimeout(builder.connectTimeout);
    Wire wire =
        new Wire(
            http,
            limiter,
            storeHash,
            builder.acquireTimeout,
            builder.requestTimeout,
            builder.maxResponseBytes,
            errors);
    String base = stripTrailingSlash(baseUri.toString());
    Pipeline pipeline =
        new Pipeline(
            wire,
            errors,
            mapper,
            base,
            RequestInterceptor.withAccessToken(builder.accessToken),
            builder.retryPolicy,
            builder.sleeper,
            builder.listeners,
            storeHash);
    Calls calls = new Calls(pipeline, executor);
    String basePath = stripTrailingSlash(baseUri.getRawPath() == null ? "" : baseUri.getRawPath());
    this.segments = new Segments(calls, basePath);
    this.shopperProfiles = new ShopperProfiles(calls, basePath);
  }

  /** A builder; {@code storeHash} and {@code accessToken} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The store's segments, and through them the shopper profiles of each segment. */
  public Segments segments() {
    return segments;
  }

  /** The store's shopper profiles, and through them the segments of each profile. */
  public ShopperProfiles shopperProfiles() {
    return shopperProfiles;
  }

  /** The store this client talks to, as given to the builder. */
  public String storeHash() {
    return storeHash;
  }

  /** The base URI requests go to, e.g. {@code https://api.bigcommerce.com/stores/abc123/v3}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The limiter that bounds this client's requests in flight. */
  public ConcurrencyLimiter concurrencyLimiter() {
    return limiter;
  }

  /** True once {@link #close()} ran. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the client; idempotent. Calls made after it fail with {@code ClientClosedException};
   * async calls still queued fail with it too; async calls running are interrupted (their requests
   * keep their permits until they end, so the store's limit holds); the client's own threads end.
   * It leaves the store's limiter, which lives on while other clients or permits of the store do. A
   * user-supplied executor, limiter or {@code HttpClient} is left alone.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    executor.close();
    if (lease != null) {
      lease.close();
    }
  }

  @Override
  public String toString() {
    return "SegmentsClient[store="
        + storeHash
        + ", baseUri="
        + baseUri
        + ", limiter="
        + limiter
        + ", accessToken=redacted"
        + (closed.get() ? ", closed]" : "]");
  }

  private static String stripTrailingSlash(String text) {
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Builds a {@link SegmentsClient}. Every setter checks its value at once with a clear message;
   * {@link #build()} checks that the required ones were set. Durations are bounded (no timeout of a
   * year is a timeout), so no arithmetic on them can overflow. {@link #toString()} never shows the
   * token.
   */
  public static final class Builder {
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    private static final int MAX_BASE_PATH_LENGTH = 1024;

    private String storeHash;
    private AccessToken accessToken;
    private URI baseUri;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Duration acquireTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private boolean connectTimeoutSet;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private ConcurrencyLimiterRegistry limiterRegistry = ConcurrencyLimiterRegistry.shared();
    private ConcurrencyLimiter concurrencyLimiter;
    private Executor executor;
    private HttpClient httpClient;
    private EventListener.Factory listeners = call -> EventListener.NONE;

    private Builder() {}

    /** Required: the store hash, letters and digits only (any case; limits ignore case). */
    public Builder storeHash(String storeHash) {
      requireNonNull(storeHash, "storeHash == null");
      if (!storeHash.matches("[A-Za-z0-9]{1,64}")) {
        throw new IllegalArgumentException(
            "storeHash must be 1 to 64 letters and digits only, was \""
                + (storeHash.length() > 64 ? storeHash.substring(0, 64) + "..." : storeHash)
                + "\"");
      }
      this.storeHash = storeHash;
      return this;
    }

    /** Required: the access token, sent as {@code X-Auth-Token}; never printed or logged. */
    public Builder accessToken(String accessToken) {
      this.accessToken = AccessToken.of(requireNonNull(accessToken, "accessToken == null"));
      return this;
    }

    /** Required: the access token, sent as {@code X-Auth-Token}; never printed or logged. */
    public Builder accessToken(AccessToken accessToken) {
      this.accessToken = requireNonNull(accessToken, "accessToken == null");
      return this;
    }

    /**
     * The API's base URI; default {@code https://api.bigcommerce.com/stores/{storeHash}/v3}. Must
     * be {@code https}, or {@code http} to a loopback host (127.0.0.1, localhost, ::1) only: the
     * token would otherwise travel in clear text. No query, no fragment, no user info.
     */
    public Builder baseUri(URI baseUri) {
      requireNonNull(baseUri, "baseUri == null");
      String scheme = baseUri.getScheme();
      String host = baseUri.getHost();
      if (scheme == null || host == null) {
        throw new IllegalArgumentException("baseUri must be absolute with a host, was " + baseUri);
      }
      if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            "baseUri must have no query or fragment, was " + baseUri);
      }
      if (baseUri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUri must have no user info");
      }
      if (baseUri.getRawPath() != null && baseUri.getRawPath().length() > MAX_BASE_PATH_LENGTH) {
        throw new IllegalArgumentException(
            "baseUri's path must be at most " + MAX_BASE_PATH_LENGTH + " characters");
      }
      if (scheme.equalsIgnoreCase("http")) {
        if (!isLoopback(host)) {
          throw new IllegalArgumentException(
              "baseUri uses plain http to "
                  + host
                  + ": the access token would travel in clear text; use https (plain http is"
                  + " allowed to 127.0.0.1, localhost and ::1 only)");
        }
      } else if (!scheme.equalsIgnoreCase("https")) {
        throw new IllegalArgumentException("baseUri must use https, was " + scheme);
      }
      this.baseUri = baseUri;
      return this;
    }

    /**
     * The most requests of the store on the wire at once; default 10, the API's documented limit; 1
     * to 1000. Clients of one store in a registry share the smallest limit any of them asked for.
     * Also the size of the client's own async pool. Ignored by a given {@link #concurrencyLimiter}.
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 1000) {
        throw new IllegalArgumentException(
            "maxConcurrentRequests must be between 1 and 1000, was " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /**
     * How long a request waits for a permit (and for a pause the store asked for) before {@code
     * ConcurrencyLimitExceededException}; default 30 s; zero means do not wait; at most one hour.
     */
    public Builder acquireTimeout(Duration acquireTimeout) {
      this.acquireTimeout = Durations.nonNegative(acquireTimeout, "acquireTimeout", MAX_TIMEOUT);
      return this;
    }

    /** The TCP (and TLS) connect timeout; default 10 s; positive, at most one hour. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.positive(connectTimeout, "connectTimeout", MAX_TIMEOUT);
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * The deadline of each attempt, from sending the request to the last byte of the response body;
     * default 30 s; positive, at most one hour. A server that stalls mid-body is cut off at it.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Durations.positive(requestTimeout, "requestTimeout", MAX_TIMEOUT);
      return this;
    }

    /**
     * The largest response body the client reads, counted after decompression; default {@value
     * #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB); 1 KiB to 256 MiB. A larger one fails with {@code
     * ResponseTooLargeException} and its connection is closed.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024 || maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be between 1024 and "
                + MAX_RESPONSE_BYTES_LIMIT
                + ", was "
                + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** When to retry; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** How to wait between retries; default {@link Sleeper#system()}. Tests replace it. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The registry whose limiter of the store this client joins; default {@link
     * ConcurrencyLimiterRegistry#shared()}.
     */
    public Builder limiterRegistry(ConcurrencyLimiterRegistry limiterRegistry) {
      this.limiterRegistry = requireNonNull(limiterRegistry, "limiterRegistry == null");
      return this;
    }

    /**
     * A limiter of your own instead of a registry's, e.g. one shared by a fleet of JVMs ({@code
     * segments-limiter-redis}). The client does not close it.
     */
    public Builder concurrencyLimiter(ConcurrencyLimiter concurrencyLimiter) {
      this.concurrencyLimiter = requireNonNull(concurrencyLimiter, "concurrencyLimiter == null");
      return this;
    }

    /**
     * The executor of {@code executeAsync()}; default: a pool the client owns, as many daemon
     * threads as {@code maxConcurrentRequests}, ended by {@code close()}. The client does not shut
     * a given executor down.
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * The {@code java.net.http.HttpClient} to send with (a proxy, a custom TLS setup); default: one
     * shared by the clients of the JVM with the same connect timeout. Its connect timeout and
     * redirect policy apply (set {@code followRedirects(NEVER)}: the client must not follow
     * redirects with the token); {@link #connectTimeout} cannot be set with it.
     */
    public Builder httpClient(HttpClient httpClient) {
      requireNonNull(httpClient, "httpClient == null");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "httpClient follows redirects ("
                + httpClient.followRedirects()
                + "): a redirect would carry the access token elsewhere; build it with"
                + " followRedirects(HttpClient.Redirect.NEVER)");
      }
      this.httpClient = httpClient;
      return this;
    }

    /** One listener for every call; default none. */
    public Builder eventListener(EventListener eventListener) {
      requireNonNull(eventListener, "eventListener == null");
      this.listeners = call -> eventListener;
      return this;
    }

    /** A factory that makes a listener per call; default none. */
    public Builder eventListenerFactory(EventListener.Factory factory) {
      this.listeners = requireNonNull(factory, "factory == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if {@code storeHash} or {@code accessToken} is missing, or both
     *     {@code httpClient} and {@code connectTimeout} were set
     */
    public SegmentsClient build() {
      List<String> missing = new ArrayList<>();
      if (storeHash == null) {
        missing.add("storeHash");
      }
      if (accessToken == null) {
        missing.add("accessToken");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("missing required " + String.join(" and ", missing));
      }
      if (httpClient != null && connectTimeoutSet) {
        throw new IllegalStateException(
            "connectTimeout and httpClient were both set: configure the connect timeout on the"
                + " HttpClient");
      }
      URI uri =
          baseUri != null
              ? baseUri
              : URI.create("https://api.bigcommerce.com/stores/" + storeHash + "/v3");
      return new SegmentsClient(this, uri);
    }

    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("127.0.0.1")
          || h.equals("localhost")
          || h.equals("[::1]")
          || h.equals("::1")
          || h.equals("[0:0:0:0:0:0:0:1]");
    }

    @Override
    public String toString() {
      return "SegmentsClient.Builder[store="
          + storeHash
          + ", baseUri="
          + baseUri
          + ", maxConcurrentRequests="
          + maxConcurrentRequests
          + ", accessToken="
          + (accessToken == null ? "unset" : "redacted")
          + "]";
    }
  }
}
