package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.api.SegmentsApi;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import io.github.segmentskit.generated.model.SegmentsWriteResponse;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The store's segments: {@code client.segments()}. Every method checks its input at once and
 * returns a {@link Call} (or a lazy {@link Stream}); nothing is sent before the call is executed.
 */
public final class Segments {
  private static final String JSON = "application/json";

  private final Calls calls;
  private final String basePath;

  Segments(Calls calls, String basePath) {
    this.calls = calls;
    this.basePath = basePath;
  }

  /** {@code GET /segments}: one page of the store's segments. */
  public Call<Page<Segment>> list(PageParams page) {
    PageParams asked = Inputs.page(page);
    return calls.single(listEndpoint(asked, null));
  }

  /**
   * {@code GET /segments?id:in=...}: one page of the segments with these ids (at most as many as
   * fit in one request target, about 215; {@link #stream(int, Collection)} reads any number).
   */
  public Call<Page<Segment>> list(PageParams page, Collection<UUID> ids) {
    PageParams asked = Inputs.page(page);
    List<UUID> filter = Inputs.ids("ids", ids);
    int max = RequestTargets.maxIds(basePath, Operation.LIST_SEGMENTS);
    if (filter.size() > max) {
      throw new SegmentsValidationException(
          "ids holds "
              + filter.size()
              + " ids, more than fit in one request ("
              + max
              + "); use stream(pageSize, ids), which splits them");
    }
    return calls.single(listEndpoint(asked, filter));
  }

  /**
   * All segments, {@value PageParams#DEFAULT_LIMIT} per request, read as the stream is consumed.
   */
  public Stream<Segment> stream() {
    return stream(PageParams.DEFAULT_LIMIT);
  }

  /** All segments, {@code pageSize} per request (1 to 250), read as the stream is consumed. */
  public Stream<Segment> stream(int pageSize) {
    int size = Inputs.pageSize(pageSize);
    return PagedStream.of(
        "GET /segments", size, page -> calls.single(listEndpoint(page, null)).execute());
  }

  /**
   * The segments with these ids, {@code pageSize} per request, read as the stream is consumed; ids
   * that do not fit in one request target are split over several.
   */
  public Stream<Segment> stream(int pageSize, Collection<UUID> ids) {
    int size = Inputs.pageSize(pageSize);
    List<UUID> filter = Inputs.ids("ids", ids);
    int max = RequestTargets.maxIds(basePath, Operation.LIST_SEGMENTS);
    return Inputs.chunks(filter, max).stream()
        .flatMap(
            chunk ->
                PagedStream.of(
                    "GET /segments",
                    size,
                    page -> calls.single(listEndpoint(page, chunk)).execute()));
  }

  /** {@code POST /segments}: creates segments; each needs a non-empty name. */
  public Call<List<Segment>> create(List<SegmentPost> segments) {
    List<SegmentPost> body = Inputs.body("segments", segments);
    return calls.single(
        new Endpoint<>(
            Operation.CREATE_SEGMENTS,
            null,
            api -> new SegmentsApi(api).segmentsPostRequest(JSON, JSON, body),
            SegmentsWriteResponse.class,
            response -> List.copyOf(response.getData())));
  }

  /**
   * {@code PUT /segments}: updates segments; each needs an id; fields left out stay as they are.
   */
  public Call<List<Segment>> update(List<SegmentPut> segments) {
    List<SegmentPut> body = Inputs.body("segments", segments);
    return calls.single(
        new Endpoint<>(
            Operation.UPDATE_SEGMENTS,
            null,
            api -> new SegmentsApi(api).putSegmentObjects(JSON, JSON, body),
            SegmentsWriteResponse.class,
            response -> List.copyOf(response.getData())));
  }

  /**
   * {@code DELETE /segments?id:in=...}: deletes the segments with these ids (split over several
   * requests when they do not fit in one request target). The result's items are the ids whose
   * request succeeded.
   *
   * @throws SegmentsValidationException if {@code ids} is null or empty: without ids the API would
   *     delete every segment; that is {@link #deleteAll()}
   */
  public Call<ChunkedResult<UUID>> delete(Collection<UUID> ids) {
    List<UUID> toDelete = Inputs.idsToDelete("ids", ids, "segments().deleteAll()");
    return calls.deleteByIds(
        Operation.DELETE_SEGMENTS,
        null,
        toDelete,
        basePath,
        (api, chunk) -> new SegmentsApi(api).deleteStoreSegment(JSON, chunk));
  }

  /** {@code DELETE /segments} without ids: deletes <b>every</b> segment of the store. */
  public Call<Void> deleteAll() {
    return calls.deleteEverything(
        Operation.DELETE_SEGMENTS,
        null,
        (api, none) -> new SegmentsApi(api).deleteStoreSegment(JSON, none));
  }

  /** The shopper profiles in the segment {@code segmentId}. */
  public SegmentShopperProfiles shopperProfiles(UUID segmentId) {
    return new SegmentShopperProfiles(calls, basePath, Inputs.id("segmentId", segmentId));
  }

  private Endpoint<SegmentsCollectionResponse, Page<Segment>> listEndpoint(
      PageParams page, List<UUID> ids) {
    return new Endpoint<>(
        Operation.LIST_SEGMENTS,
        null,
        api -> new SegmentsApi(api).getPaginatedSegmentsList(JSON, page.page(), page.limit(), ids),
        SegmentsCollectionResponse.class,
        response ->
            Pages.checked(
                "GET /segments", page, response.getData(), response.getMeta().getPagination()));
  }
}
