package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The request pipeline. In order: route the path (404 outside {@code /stores/{hash}/v3} or for an
 * unknown path, 405 for a method the path lacks), count the request, check {@code Accept} (406) and
 * {@code Content-Type} (415), admit it under the store's in-flight limit (429), hold it for the
 * configured latency, inject a fault if one is drawn (429/503), authenticate (401/403), count it
 * against the store's rate-limit window (429 if the store is rate limited or its enforced quota is
 * used) and hand it to the resource. Every response of a store carries the {@code X-Rate-Limit-*}
 * headers; only authenticated requests count against the quota.
 */
final class SimulatorHandler implements HttpHandler {

  static final String AUTH_HEADER = "X-Auth-Token";

  private static final System.Logger LOG = System.getLogger(SimulatorHandler.class.getName());

  private final SimulatorConfig config;
  private final Metrics metrics;
  private final Function<String, StoreContext> stores;
  private final Random faultRandom;
  private final SegmentsResource segments;
  private final SegmentShopperProfilesResource segmentProfiles =
      new SegmentShopperProfilesResource();
  private final ShopperProfilesResource shopperProfiles = new ShopperProfilesResource();

  SimulatorHandler(SimulatorConfig config, Metrics metrics, Function<String, StoreContext> stores) {
    this.config = requireNonNull(config, "config == null");
    this.metrics = requireNonNull(metrics, "metrics == null");
    this.stores = requireNonNull(stores, "stores == null");
    this.faultRandom = new Random(config.faults().seed());
    this.segments = new SegmentsResource(config.putSegmentsStatus());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      metrics.received();
      Reply reply;
      try {
        reply = process(exchange);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "simulator failed on " + exchange.getRequestURI(), e);
        reply = Reply.of(Problem.of(500, "Internal server error"));
      }
      send(exchange, reply);
    } finally {
      exchange.close();
    }
  }

  private Reply process(HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange.getRequestBody());
    boolean bodyTooLarge = body.length > Limits.MAX_BODY_BYTES;
    if (bodyTooLarge) {
      body = Arrays.copyOf(body, Limits.MAX_BODY_BYTES);
    }
    String rawPath = exchange.getRequestURI().getRawPath();
    Optional<String> storeHash = Route.storeHash(rawPath);
    if (storeHash.isEmpty()) {
      return Reply.of(Problem.notFound("Not found"));
    }
    StoreContext store = stores.apply(storeHash.get());
    Reply reply = handleInStore(exchange, store, rawPath, body, bodyTooLarge);
    return reply.withDefaultHeaders(store.window().peek());
  }

  private Reply handleInStore(
      HttpExchange exchange, StoreContext store, String rawPath, byte[] body, boolean tooLarge) {
    Optional<Route> route = Route.match(rawPath);
    if (route.isEmpty()) {
      return Reply.of(Problem.notFound("Not found"));
    }
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    Optional<Operation> found = route.get().resource().operation(method);
    if (found.isEmpty()) {
      return Reply.of(Problem.of(405, "Method not allowed"))
          .withHeader("Allow", route.get().resource().allowed());
    }
    Operation operation = found.get();
    metrics.operation(operation);
    Query query;
    try {
      query = Query.parse(exchange.getRequestURI().getRawQuery());
    } catch (Problem problem) {
      return Reply.of(problem);
    }
    if (operation.isBulkDelete() && !query.has(Query.ID_IN)) {
      metrics.deleteAll(operation);
    }
    Headers headers = exchange.getRequestHeaders();
    if (!MediaTypes.acceptsJson(headers.get("Accept"))) {
      return Reply.of(
          Problem.of(406, "Not acceptable", Map.of("Accept", "must allow application/json")));
    }
    if ((method.equals("POST") || method.equals("PUT"))
        && !MediaTypes.isJson(headers.getFirst("Content-Type"))) {
      return Reply.of(
          Problem.of(
              415, "Unsupported media type", Map.of("Content-Type", "must be application/json")));
    }
    if (!store.limiter().tryAcquire()) {
      metrics.refusedByInFlightLimit();
      return tooManyRequests(
          "Too many requests: at most "
              + store.limiter().limit()
              + " concurrent requests per store");
    }
    try {
      holdForLatency();
      Optional<Reply> fault = injectFault();
      if (fault.isPresent()) {
        return fault.get();
      }
      authorize(headers.getFirst(AUTH_HEADER), operation);
      RateLimitWindow.Admission admission = store.window().admit();
      if (!admission.admitted()) {
        return refuse(admission);
      }
      Call call = new Call(operation, store.state(), route.get().pathId(), query, body, tooLarge);
      return answer(call).withDefaultHeaders(admission.headers());
    } catch (Problem problem) {
      return Reply.of(problem);
    } finally {
      store.limiter().release();
    }
  }

  private Reply answer(Call call) {
    try {
      return dispatch(call);
    } catch (Problem problem) {
      return Reply.of(problem);
    }
  }

  /** The 429 of a request the store's rate-limit window refused. */
  private Reply refuse(RateLimitWindow.Admission admission) {
    String title;
    if (admission.verdict() == RateLimitWindow.Verdict.RATE_LIMITED) {
      metrics.refusedRateLimitedStore();
      title = "Too many requests: the store is rate limited";
    } else {
      metrics.refusedOverQuota();
      title =
          "Too many requests: the store's quota of "
              + config.rateLimitQuota()
              + " requests per "
              + config.rateLimitWindow().toMillis()
              + " ms is used up";
    }
    return Reply.of(Problem.of(429, title)).withHeaders(admission.headers());
  }

  private Reply dispatch(Call call) {
    return switch (call.operation()) {
      case GET_PAGINATED_SEGMENTS_LIST -> segments.list(call);
      case SEGMENTS_POST_REQUEST -> segments.create(call);
      case PUT_SEGMENT_OBJECTS -> segments.update(call);
      case DELETE_STORE_SEGMENT -> segments.delete(call);
      case GET_SEGMENT_PROFILES -> segmentProfiles.list(call);
      case POST_SHOPPER_PROFILE -> segmentProfiles.add(call);
      case DELETE_SHOPPER_PROFILE -> segmentProfiles.remove(call);
      case GET_SHOPPER_LIST -> shopperProfiles.list(call);
      case SHOPPER_PROFILES_REQUEST -> shopperProfiles.create(call);
      case DELETE_STORE_SHOPPER_PROFILE -> shopperProfiles.delete(call);
      case GET_LIST_SHOPPER_PROFILE -> shopperProfiles.segments(call);
    };
  }

  private void authorize(String token, Operation operation) {
    if (token == null || token.isEmpty()) {
      throw Problem.of(401, "Unauthorized", Map.of(AUTH_HEADER, "is required"));
    }
    if (config.modifyTokens().contains(token)) {
      return;
    }
    if (!config.readOnlyTokens().contains(token)) {
      throw Problem.of(401, "Unauthorized", Map.of(AUTH_HEADER, "is not a valid access token"));
    }
    if (operation.needsModifyScope()) {
      throw Problem.of(403, "You don't have a required scope to access the endpoint");
    }
  }

  private void holdForLatency() {
    long min = config.minLatency().toNanos();
    long max = config.maxLatency().toNanos();
    long nanos = min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Problem.of(503, "Service unavailable");
    }
  }

  private Optional<Reply> injectFault() {
    if (!config.faults().isActive()) {
      return Optional.empty();
    }
    double draw;
    synchronized (faultRandom) {
      draw = faultRandom.nextDouble();
    }
    switch (config.faults().pick(draw)) {
      case TOO_MANY_REQUESTS:
        metrics.injectedFault();
        return Optional.of(tooManyRequests("Too many requests"));
      case SERVICE_UNAVAILABLE:
        metrics.injectedFault();
        return Optional.of(Reply.of(Problem.of(503, "Service unavailable")));
      default:
        return Optional.empty();
    }
  }

  /** A 429 whose headers ask the client to wait {@link SimulatorConfig#retryAfter()}. */
  private Reply tooManyRequests(String title) {
    long waitMillis = config.retryAfter().toMillis();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(RateLimitWindow.RESET_MS, String.valueOf(waitMillis));
    headers.put(RateLimitWindow.LEFT, "0");
    headers.put(
        RateLimitWindow.RETRY_AFTER, String.valueOf(RateLimitWindow.ceilSeconds(waitMillis)));
    return Reply.of(Problem.of(429, title)).withHeaders(headers);
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    Map<String, String> all = reply.headers();
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    metrics.response(reply.status());
    if (reply.body() == null || head) {
      all.forEach(headers::set);
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(reply.body());
    all.forEach(headers::set);
    headers.set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    try (in) {
      return in.readNBytes(Limits.MAX_BODY_BYTES + 1);
    }
  }
}
