package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.generated.api.SegmentsApi;
import io.github.segmentskit.generated.api.ShopperProfilesApi;
import io.github.segmentskit.generated.invoker.ApiClient;
import io.github.segmentskit.generated.invoker.ApiException;
import io.github.segmentskit.generated.model.CollectionMeta;
import io.github.segmentskit.generated.model.Pagination;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentShopperProfilesAddResponse;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import io.github.segmentskit.generated.model.SegmentsWriteResponse;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import io.github.segmentskit.generated.model.ShopperProfilesCollectionResponse;
import io.github.segmentskit.generated.model.ShopperProfilesWriteResponse;
import io.github.segmentskit.generated.support.AccessToken;
import io.github.segmentskit.generated.support.GeneratedApiClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A safe, typed client of BigCommerce's Segments API for one store, built on the generated code.
 *
 * <pre>{@code
 * try (SegmentsClient client = SegmentsClient.builder()
 *     .storeHash("abc123")
 *     .accessToken(token)
 *     .build()) {
 *   List<Segment> updated = client.updateSegments(List.of(new SegmentPut().id(id).name("VIP")));
 * }
 * }</pre>
 *
 * <p>What it adds to the generated client:
 *
 * <ul>
 *   <li>ids are checked (canonical UUIDs) and lists checked (not empty) before anything is sent;
 *   <li>a delete never goes out without ids: deleting everything has its own, explicitly named
 *       methods ({@link #deleteAllSegments()} ...);
 *   <li>adds of more than 50 shopper profiles are split into chunks of 50 ({@link ChunkedResult});
 *   <li>error responses become typed, unchecked exceptions ({@link SegmentsApiException} and
 *       subtypes, {@link SegmentsConnectionException} ...);
 *   <li>at most {@code maxConcurrentRequests} requests per store are on the wire at once ({@link
 *       ConcurrencyLimiter}), across all clients of the store in the JVM;
 *   <li>429, 502/503/504 and connection failures are retried as {@link RetryPolicy} says.
 * </ul>
 *
 * <p>Thread-safe. Async methods run on an executor the client owns (one thread per permit) or on
 * the one given to the builder; they throw argument errors at once and report everything else
 * through the future. Close the client to free its threads and its share of the store's limiter.
 */
public final class SegmentsClient implements AutoCloseable {
  /** The documented maximum of concurrent requests per store. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 10;

  /** The documented maximum of shopper profiles per add request. */
  public static final int MAX_PROFILES_PER_ADD = 50;

  private static final String JSON = "application/json";
  private static final int STREAM_PAGE_SIZE = 50;

  private final String storeHash;
  private final URI baseUri;
  private final int maxConcurrentRequests;
  private final ConcurrencyLimiter limiter;
  private final StoreConcurrencyLimiters.Lease ownLease;
  private final Executor executor;
  private final ExecutorService ownExecutor;
  private final SegmentsApi segmentsApi;
  private final ShopperProfilesApi shopperProfilesApi;
  private final Caller caller;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SegmentsClient(Builder builder, URI baseUri) {
    this.storeHash = builder.storeHash;
    this.baseUri = baseUri;
    this.maxConcurrentRequests = builder.maxConcurrentRequests;
    if (builder.concurrencyLimiter != null) {
      this.limiter = builder.concurrencyLimiter;
      this.ownLease = null;
    } else {
      this.ownLease = StoreConcurrencyLimiters.lease(storeHash, maxConcurrentRequests);
      this.limiter = ownLease;
    }
    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownExecutor = null;
    } else {
      this.ownExecutor = newExecutor(storeHash, maxConcurrentRequests);
      this.executor = ownExecutor;
    }
    ApiClient apiClient =
        GeneratedApiClients.forStore(
            baseUri, builder.accessToken, builder.connectTimeout, builder.requestTimeout);
    BodyDeadline bodyDeadline = new BodyDeadline(builder.requestTimeout);
    apiClient.setResponseInterceptor(bodyDeadline);
    this.segmentsApi = new SegmentsApi(apiClient);
    this.shopperProfilesApi = new ShopperProfilesApi(apiClient);
    this.caller =
        new Caller(
            storeHash,
            limiter,
            builder.acquireTimeout,
            builder.retryPolicy,
            builder.sleeper,
            new ErrorMapper(apiClient.getObjectMapper(), builder.accessToken),
            bodyDeadline);
  }

  /** A builder; {@code storeHash} and {@code accessToken} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The store this client talks to. */
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

  // ---- Segments ------------------------------------------------------------------------------

  /** {@code GET /segments}: one page of the store's segments. */
  public Page<Segment> listSegments(int page, int limit) {
    checkPaging(page, limit);
    return segmentPage(listSegmentsCall(page, limit, null));
  }

  /** {@code GET /segments?id:in=...}: one page of the segments with the given ids. */
  public Page<Segment> listSegments(int page, int limit, List<String> ids) {
    checkPaging(page, limit);
    List<UUID> parsed = nonEmptyIds("ids", ids);
    return segmentPage(listSegmentsCall(page, limit, parsed));
  }

  /** All segments of the store, fetched page by page as the stream is consumed. */
  public Stream<Segment> streamSegments() {
    checkOpen();
    return PageIterator.stream(page -> listSegments(page, STREAM_PAGE_SIZE));
  }

  /** {@code POST /segments}: creates segments; each needs a non-empty name. */
  public List<Segment> createSegments(List<SegmentPost> segments) {
    checkSegmentPosts(segments);
    SegmentsWriteResponse response =
        call(
            Operation.CREATE_SEGMENTS,
            null,
            () -> segmentsApi.segmentsPostRequest(JSON, JSON, List.copyOf(segments)));
    return response == null ? List.of() : nullToEmpty(response.getData());
  }

  /** {@code PUT /segments}: updates segments; each needs an id. */
  public List<Segment> updateSegments(List<SegmentPut> segments) {
    checkSegmentPuts(segments);
    SegmentsWriteResponse response =
        call(
            Operation.UPDATE_SEGMENTS,
            null,
            () -> segmentsApi.putSegmentObjects(JSON, JSON, List.copyOf(segments)));
    return response == null ? List.of() : nullToEmpty(response.getData());
  }

  /**
   * {@code DELETE /segments?id:in=...}: deletes the segments with these ids.
   *
   * @throws SegmentsValidationException if {@code ids} is empty (the API would delete every
   *     segment: that is {@link #deleteAllSegments()}) or holds a malformed id
   */
  public void deleteSegments(List<String> ids) {
    List<UUID> parsed = deleteIds("ids", ids, "deleteAllSegments()");
    callVoid(Operation.DELETE_SEGMENTS, null, () -> segmentsApi.deleteStoreSegment(JSON, parsed));
  }

  /** {@code DELETE /segments} without ids: deletes <b>every</b> segment of the store. */
  public void deleteAllSegments() {
    callVoid(Operation.DELETE_SEGMENTS, null, () -> segmentsApi.deleteStoreSegment(JSON, null));
  }

  /** {@code GET /segments/{segmentId}/shopper-profiles}: one page of the segment's profiles. */
  public Page<ShopperProfile> listSegmentShopperProfiles(String segmentId, int page, int limit) {
    UUID id = SegmentIds.parseOne("segmentId", segmentId);
    checkPaging(page, limit);
    ShopperProfilesCollectionResponse response =
        call(
            Operation.LIST_SEGMENT_SHOPPER_PROFILES,
            id,
            () -> segmentsApi.getSegmentProfiles(JSON, id, page, limit));
    return profilePage(response);
  }

  /** All shopper profiles of the segment, fetched page by page as the stream is consumed. */
  public Stream<ShopperProfile> streamSegmentShopperProfiles(String segmentId) {
    SegmentIds.parseOne("segmentId", segmentId);
    checkOpen();
    return PageIterator.stream(
        page -> listSegmentShopperProfiles(segmentId, page, STREAM_PAGE_SIZE));
  }

  /**
   * {@code POST /segments/{segmentId}/shopper-profiles}: adds shopper profiles to the segment. More
   * than 50 ids are split into chunks of 50, sent concurrently within the concurrency limit; the
   * result says which chunks succeeded and which failed.
   *
   * @throws SegmentsValidationException if an id is malformed or the list is empty (nothing sent)
   */
  public ChunkedResult<ShopperProfile> addShopperProfilesToSegment(
      String segmentId, List<String> shopperProfileIds) {
    return join(addShopperProfilesToSegmentAsync(segmentId, shopperProfileIds));
  }

  /**
   * {@code DELETE /segments/{segmentId}/shopper-profiles?id:in=...}: removes these profiles from
   * the segment (the profiles themselves remain).
   *
   * @throws SegmentsValidationException if {@code shopperProfileIds} is empty (the API would empty
   *     the segment: that is {@link #removeAllShopperProfilesFromSegment(String)}) or holds a
   *     malformed id
   */
  public void removeShopperProfilesFromSegment(String segmentId, List<String> shopperProfileIds) {
    UUID id = SegmentIds.parseOne("segmentId", segmentId);
    List<UUID> parsed =
        deleteIds(
            "shopperProfileIds",
            shopperProfileIds,
            "removeAllShopperProfilesFromSegment(segmentId)");
    callVoid(
        Operation.REMOVE_SHOPPER_PROFILES_FROM_SEGMENT,
        id,
        () -> segmentsApi.deleteShopperProfile(JSON, id, parsed));
  }

  /**
   * {@code DELETE /segments/{segmentId}/shopper-profiles} without ids: removes <b>every</b> profile
   * from the segment.
   */
  public void removeAllShopperProfilesFromSegment(String segmentId) {
    UUID id = SegmentIds.parseOne("segmentId", segmentId);
    callVoid(
        Operation.REMOVE_SHOPPER_PROFILES_FROM_SEGMENT,
        id,
        () -> segmentsApi.deleteShopperProfile(JSON, id, null));
  }

  // ---- Shopper profiles ----------------------------------------------------------------------

  /** {@code GET /shopper-profiles}: one page of the store's shopper profiles. */
  public Page<ShopperProfile> listShopperProfiles(int page, int limit) {
    checkPaging(page, limit);
    ShopperProfilesCollectionResponse response =
        call(
            Operation.LIST_SHOPPER_PROFILES,
            null,
            () -> shopperProfilesApi.getShopperList(JSON, page, limit));
    return profilePage(response);
  }

  /** All shopper profiles of the store, fetched page by page as the stream is consumed. */
  public Stream<ShopperProfile> streamShopperProfiles() {
    checkOpen();
    return PageIterator.stream(page -> listShopperProfiles(page, STREAM_PAGE_SIZE));
  }

  /** {@code POST /shopper-profiles}: creates profiles; each needs a positive customer id. */
  public List<ShopperProfile> createShopperProfiles(List<ShopperProfilePost> shopperProfiles) {
    checkProfilePosts(shopperProfiles);
    ShopperProfilesWriteResponse response =
        call(
            Operation.CREATE_SHOPPER_PROFILES,
            null,
            () ->
                shopperProfilesApi.shopperProfilesRequest(
                    JSON, JSON, List.copyOf(shopperProfiles)));
    return response == null ? List.of() : nullToEmpty(response.getData());
  }

  /**
   * {@code DELETE /shopper-profiles?id:in=...}: deletes the profiles with these ids.
   *
   * @throws SegmentsValidationException if {@code ids} is empty (the API would delete every
   *     profile: that is {@link #deleteAllShopperProfiles()}) or holds a malformed id
   */
  public void deleteShopperProfiles(List<String> ids) {
    List<UUID> parsed = deleteIds("ids", ids, "deleteAllShopperProfiles()");
    callVoid(
        Operation.DELETE_SHOPPER_PROFILES,
        null,
        () -> shopperProfilesApi.deleteStoreShopperProfile(JSON, parsed));
  }

  /** {@code DELETE /shopper-profiles} without ids: deletes <b>every</b> profile of the store. */
  public void deleteAllShopperProfiles() {
    callVoid(
        Operation.DELETE_SHOPPER_PROFILES,
        null,
        () -> shopperProfilesApi.deleteStoreShopperProfile(JSON, null));
  }

  /**
   * {@code GET /shopper-profiles/{shopperProfileId}/segments}: one page of the profile's segments.
   */
  public Page<Segment> listShopperProfileSegments(String shopperProfileId, int page, int limit) {
    UUID id = SegmentIds.parseOne("shopperProfileId", shopperProfileId);
    checkPaging(page, limit);
    SegmentsCollectionResponse response =
        call(
            Operation.LIST_SHOPPER_PROFILE_SEGMENTS,
            id,
            () -> shopperProfilesApi.getListShopperProfile(JSON, id, page, limit));
    return segmentPage(response);
  }

  /** All segments of the profile, fetched page by page as the stream is consumed. */
  public Stream<Segment> streamShopperProfileSegments(String shopperProfileId) {
    SegmentIds.parseOne("shopperProfileId", shopperProfileId);
    checkOpen();
    return PageIterator.stream(
        page -> listShopperProfileSegments(shopperProfileId, page, STREAM_PAGE_SIZE));
  }

  // ---- Async ---------------------------------------------------------------------------------

  /** {@link #listSegments(int, int)} on the client's executor. */
  public CompletableFuture<Page<Segment>> listSegmentsAsync(int page, int limit) {
    checkPaging(page, limit);
    return async(() -> listSegments(page, limit));
  }

  /** {@link #listSegments(int, int, List)} on the client's executor. */
  public CompletableFuture<Page<Segment>> listSegmentsAsync(int page, int limit, List<String> ids) {
    checkPaging(page, limit);
    SegmentIds.parse(requireNonNull(ids, "ids == null"));
    List<String> copy = List.copyOf(ids);
    return async(() -> listSegments(page, limit, copy));
  }

  /** {@link #createSegments(List)} on the client's executor. */
  public CompletableFuture<List<Segment>> createSegmentsAsync(List<SegmentPost> segments) {
    checkSegmentPosts(segments);
    List<SegmentPost> copy = List.copyOf(segments);
    return async(() -> createSegments(copy));
  }

  /** {@link #updateSegments(List)} on the client's executor. */
  public CompletableFuture<List<Segment>> updateSegmentsAsync(List<SegmentPut> segments) {
    checkSegmentPuts(segments);
    List<SegmentPut> copy = List.copyOf(segments);
    return async(() -> updateSegments(copy));
  }

  /** {@link #deleteSegments(List)} on the client's executor. */
  public CompletableFuture<Void> deleteSegmentsAsync(List<String> ids) {
    deleteIds("ids", ids, "deleteAllSegments()");
    List<String> copy = List.copyOf(ids);
    return async(
        () -> {
          deleteSegments(copy);
          return null;
        });
  }

  /** {@link #createShopperProfiles(List)} on the client's executor. */
  public CompletableFuture<List<ShopperProfile>> createShopperProfilesAsync(
      List<ShopperProfilePost> shopperProfiles) {
    checkProfilePosts(shopperProfiles);
    List<ShopperProfilePost> copy = List.copyOf(shopperProfiles);
    return async(() -> createShopperProfiles(copy));
  }

  /** {@link #deleteShopperProfiles(List)} on the client's executor. */
  public CompletableFuture<Void> deleteShopperProfilesAsync(List<String> ids) {
    deleteIds("ids", ids, "deleteAllShopperProfiles()");
    List<String> copy = List.copyOf(ids);
    return async(
        () -> {
          deleteShopperProfiles(copy);
          return null;
        });
  }

  /** {@link #listShopperProfiles(int, int)} on the client's executor. */
  public CompletableFuture<Page<ShopperProfile>> listShopperProfilesAsync(int page, int limit) {
    checkPaging(page, limit);
    return async(() -> listShopperProfiles(page, limit));
  }

  /** {@link #listSegmentShopperProfiles(String, int, int)} on the client's executor. */
  public CompletableFuture<Page<ShopperProfile>> listSegmentShopperProfilesAsync(
      String segmentId, int page, int limit) {
    SegmentIds.parseOne("segmentId", segmentId);
    checkPaging(page, limit);
    return async(() -> listSegmentShopperProfiles(segmentId, page, limit));
  }

  /** {@link #removeShopperProfilesFromSegment(String, List)} on the client's executor. */
  public CompletableFuture<Void> removeShopperProfilesFromSegmentAsync(
      String segmentId, List<String> shopperProfileIds) {
    SegmentIds.parseOne("segmentId", segmentId);
    deleteIds(
        "shopperProfileIds", shopperProfileIds, "removeAllShopperProfilesFromSegment(segmentId)");
    List<String> copy = List.copyOf(shopperProfileIds);
    return async(
        () -> {
          removeShopperProfilesFromSegment(segmentId, copy);
          return null;
        });
  }

  /** {@link #listShopperProfileSegments(String, int, int)} on the client's executor. */
  public CompletableFuture<Page<Segment>> listShopperProfileSegmentsAsync(
      String shopperProfileId, int page, int limit) {
    SegmentIds.parseOne("shopperProfileId", shopperProfileId);
    checkPaging(page, limit);
    return async(() -> listShopperProfileSegments(shopperProfileId, page, limit));
  }

  /**
   * {@link #addShopperProfilesToSegment(String, List)} on the client's executor; the future
   * completes with every chunk's outcome (a failed chunk does not fail the future).
   */
  public CompletableFuture<ChunkedResult<ShopperProfile>> addShopperProfilesToSegmentAsync(
      String segmentId, List<String> shopperProfileIds) {
    UUID id = SegmentIds.parseOne("segmentId", segmentId);
    List<UUID> parsed = nonEmptyIds("shopperProfileIds", shopperProfileIds);
    checkOpen();
    List<CompletableFuture<ChunkOutcome<ShopperProfile>>> chunks = new ArrayList<>();
    for (int from = 0, index = 0; from < parsed.size(); from += MAX_PROFILES_PER_ADD, index++) {
      List<UUID> chunk = parsed.subList(from, Math.min(from + MAX_PROFILES_PER_ADD, parsed.size()));
      chunks.add(addChunk(id, index, from, List.copyOf(chunk)));
    }
    return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> new ChunkedResult<>(chunks.stream().map(CompletableFuture::join).toList()));
  }

  private CompletableFuture<ChunkOutcome<ShopperProfile>> addChunk(
      UUID segmentId, int index, int firstInputIndex, List<UUID> ids) {
    Supplier<ChunkOutcome<ShopperProfile>> send =
        () -> {
          try {
            SegmentShopperProfilesAddResponse response =
                call(
                    Operation.ADD_SHOPPER_PROFILES_TO_SEGMENT,
                    segmentId,
                    () -> segmentsApi.postShopperProfile(JSON, JSON, segmentId, ids));
            List<ShopperProfile> items =
                response == null ? List.of() : nullToEmpty(response.getData());
            return new ChunkOutcome<>(index, firstInputIndex, ids, items, null);
          } catch (SegmentsException e) {
            return new ChunkOutcome<>(index, firstInputIndex, ids, List.of(), e);
          }
        };
    try {
      return CompletableFuture.supplyAsync(send, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          new ChunkOutcome<>(
              index,
              firstInputIndex,
              ids,
              List.of(),
              new SegmentsConnectionException("client executor refused the request", e)));
    }
  }

  // ---- Lifecycle -----------------------------------------------------------------------------

  /**
   * Stops the client's own executor (tasks already queued still run) and leaves the store's shared
   * limiter. A user-supplied executor or limiter is left alone. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
    if (ownLease != null) {
      ownLease.close();
    }
  }

  @Override
  public String toString() {
    return "SegmentsClient[store="
        + storeHash
        + ", baseUri="
        + baseUri
        + ", maxConcurrentRequests="
        + maxConcurrentRequests
        + ", accessToken=redacted]";
  }

  // ---- Helpers -------------------------------------------------------------------------------

  private SegmentsCollectionResponse listSegmentsCall(int page, int limit, List<UUID> ids) {
    return call(
        Operation.LIST_SEGMENTS,
        null,
        () -> segmentsApi.getPaginatedSegmentsList(JSON, page, limit, ids));
  }

  private <T> T call(Operation operation, UUID pathParameter, Caller.ApiCall<T> call) {
    checkOpen();
    return caller.execute(operation, operation.path(pathParameter), call);
  }

  /**
   * A call of a generated method that returns nothing. Its own method, not an adapter passed to
   * {@link #call}: wrapped once too often, an adapter still compiled and sent nothing.
   */
  private void callVoid(Operation operation, UUID pathParameter, VoidApiCall call) {
    call(
        operation,
        pathParameter,
        () -> {
          call.call();
          return null;
        });
  }

  @FunctionalInterface
  private interface VoidApiCall {
    void call() throws ApiException;
  }

  private <T> CompletableFuture<T> async(Supplier<T> task) {
    checkOpen();
    return CompletableFuture.supplyAsync(task, executor);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("SegmentsClient of store " + storeHash + " is closed");
    }
  }

  private static Page<Segment> segmentPage(SegmentsCollectionResponse response) {
    if (response == null) {
      return new Page<>(List.of(), null);
    }
    return new Page<>(nullToEmpty(response.getData()), pagination(response.getMeta()));
  }

  private static Page<ShopperProfile> profilePage(ShopperProfilesCollectionResponse response) {
    if (response == null) {
      return new Page<>(List.of(), null);
    }
    return new Page<>(nullToEmpty(response.getData()), pagination(response.getMeta()));
  }

  private static Pagination pagination(CollectionMeta meta) {
    return meta == null ? null : meta.getPagination();
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void checkPaging(int page, int limit) {
    List<String> problems = new ArrayList<>();
    if (page < 1) {
      problems.add("page must be at least 1, was " + page);
    }
    if (limit < 1) {
      problems.add("limit must be at least 1, was " + limit);
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
  }

  private static List<UUID> nonEmptyIds(String name, List<String> ids) {
    requireNonNull(ids, name + " == null");
    if (ids.isEmpty()) {
      throw new SegmentsValidationException(name + " is empty: give at least one id");
    }
    return SegmentIds.parse(name, ids);
  }

  private static List<UUID> deleteIds(String name, List<String> ids, String deleteAll) {
    if (ids == null || ids.isEmpty()) {
      throw new SegmentsValidationException(
          name
              + " is "
              + (ids == null ? "null" : "empty")
              + ": a delete without ids would delete everything; nothing was sent. To delete"
              + " everything on purpose, call "
              + deleteAll);
    }
    return SegmentIds.parse(name, ids);
  }

  private static void checkSegmentPosts(List<SegmentPost> segments) {
    requireNonNull(segments, "segments == null");
    List<String> problems = new ArrayList<>();
    if (segments.isEmpty()) {
      problems.add("segments is empty: give at least one segment");
    }
    for (int i = 0; i < segments.size(); i++) {
      SegmentPost segment = segments.get(i);
      if (segment == null) {
        problems.add("segments[" + i + "] is null");
      } else if (segment.getName() == null || segment.getName().isEmpty()) {
        problems.add("segments[" + i + "].name is missing or empty");
      }
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
  }

  private static void checkSegmentPuts(List<SegmentPut> segments) {
    requireNonNull(segments, "segments == null");
    List<String> problems = new ArrayList<>();
    if (segments.isEmpty()) {
      problems.add("segments is empty: give at least one segment");
    }
    for (int i = 0; i < segments.size(); i++) {
      SegmentPut segment = segments.get(i);
      if (segment == null) {
        problems.add("segments[" + i + "] is null");
      } else if (segment.getId() == null) {
        problems.add("segments[" + i + "].id is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
  }

  private static void checkProfilePosts(List<ShopperProfilePost> profiles) {
    requireNonNull(profiles, "shopperProfiles == null");
    List<String> problems = new ArrayList<>();
    if (profiles.isEmpty()) {
      problems.add("shopperProfiles is empty: give at least one shopper profile");
    }
    for (int i = 0; i < profiles.size(); i++) {
      ShopperProfilePost profile = profiles.get(i);
      if (profile == null) {
        problems.add("shopperProfiles[" + i + "] is null");
      } else if (profile.getCustomerId() == null || profile.getCustomerId() < 1) {
        problems.add(
            "shopperProfiles["
                + i
                + "].customer_id must be positive, was "
                + profile.getCustomerId());
      }
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
  }

  private static ExecutorService newExecutor(String storeHash, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread =
              new Thread(runnable, "segments-" + storeHash + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Builds a {@link SegmentsClient}. Every setter checks its value at once with a clear message;
   * {@link #build()} checks that the required ones were set. {@link #toString()} never shows the
   * token.
   */
  public static final class Builder {
    private String storeHash;
    private AccessToken accessToken;
    private URI baseUri;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Duration acquireTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Sleeper sleeper = Sleeper.system();
    private ConcurrencyLimiter concurrencyLimiter;
    private Executor executor;

    private Builder() {}

    /** Required: the store hash, letters and digits only. */
    public Builder storeHash(String storeHash) {
      requireNonNull(storeHash, "storeHash == null");
      if (!storeHash.matches("[A-Za-z0-9]+")) {
        throw new IllegalArgumentException(
            "storeHash must be letters and digits only, was \"" + storeHash + "\"");
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
     * token would otherwise travel in clear text.
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
     * The most requests of the store on the wire at once; default 10, the API's documented limit.
     * Clients of one store in the JVM share the smallest limit any of them asked for (see {@link
     * StoreConcurrencyLimiters}). Ignored when a {@link #concurrencyLimiter} is given.
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
     * How long a request waits for a concurrency permit before {@link
     * ConcurrencyLimitExceededException}; default 30 s; zero means do not wait.
     */
    public Builder acquireTimeout(Duration acquireTimeout) {
      requireNonNull(acquireTimeout, "acquireTimeout == null");
      if (acquireTimeout.isNegative()) {
        throw new IllegalArgumentException("acquireTimeout is negative: " + acquireTimeout);
      }
      this.acquireTimeout = acquireTimeout;
      return this;
    }

    /** The TCP connect timeout; default 10 s; positive. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** The timeout of each request, until the response headers arrive; default 30 s; positive. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
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
     * A limiter of your own, e.g. one shared across JVMs, instead of the JVM-wide one of {@link
     * StoreConcurrencyLimiters}. The client does not close it.
     */
    public Builder concurrencyLimiter(ConcurrencyLimiter concurrencyLimiter) {
      this.concurrencyLimiter = requireNonNull(concurrencyLimiter, "concurrencyLimiter == null");
      return this;
    }

    /**
     * The executor for the async methods and for chunks; default: a pool the client owns, one
     * thread per permit. The client does not shut a given executor down.
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException if {@code storeHash} or {@code accessToken} is missing
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

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name + " == null");
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
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
