package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.api.SegmentsApi;
import io.github.segmentskit.generated.model.SegmentShopperProfilesAddResponse;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilesCollectionResponse;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The shopper profiles in one segment: {@code client.segments().shopperProfiles(segmentId)}.
 * Removing a profile from the segment does not delete the profile.
 */
public final class SegmentShopperProfiles {
  /** The documented maximum of shopper profiles per add request; longer lists are split. */
  public static final int MAX_PROFILES_PER_ADD = 50;

  private static final String JSON = "application/json";

  private final Calls calls;
  private final String basePath;
  private final UUID segmentId;

  SegmentShopperProfiles(Calls calls, String basePath, UUID segmentId) {
    this.calls = calls;
    this.basePath = basePath;
    this.segmentId = segmentId;
  }

  /** The segment these profiles belong to. */
  public UUID segmentId() {
    return segmentId;
  }

  /** {@code GET /segments/{segmentId}/shopper-profiles}: one page of the segment's profiles. */
  public Call<Page<ShopperProfile>> list(PageParams page) {
    return calls.single(listEndpoint(Inputs.page(page)));
  }

  /** All of the segment's profiles, {@value PageParams#DEFAULT_LIMIT} per request. */
  public Stream<ShopperProfile> stream() {
    return stream(PageParams.DEFAULT_LIMIT);
  }

  /** All of the segment's profiles, {@code pageSize} per request (1 to 250). */
  public Stream<ShopperProfile> stream(int pageSize) {
    int size = Inputs.pageSize(pageSize);
    return PagedStream.of(name(), size, page -> calls.single(listEndpoint(page)).execute());
  }

  /**
   * {@code POST /segments/{segmentId}/shopper-profiles}: adds the profiles to the segment, in
   * chunks of {@value #MAX_PROFILES_PER_ADD} (one request each); the result says which chunks
   * succeeded and which failed, and nothing is lost silently.
   *
   * @throws SegmentsValidationException if {@code shopperProfileIds} is null, empty or holds null
   */
  public Call<ChunkedResult<ShopperProfile>> add(Collection<UUID> shopperProfileIds) {
    List<UUID> ids = Inputs.ids("shopperProfileIds", shopperProfileIds);
    return calls.chunked(
        Operation.ADD_SHOPPER_PROFILES_TO_SEGMENT,
        Inputs.chunks(ids, MAX_PROFILES_PER_ADD),
        chunk ->
            new Endpoint<>(
                Operation.ADD_SHOPPER_PROFILES_TO_SEGMENT,
                segmentId,
                api -> new SegmentsApi(api).postShopperProfile(JSON, JSON, segmentId, chunk),
                SegmentShopperProfilesAddResponse.class,
                response -> List.copyOf(response.getData())));
  }

  /**
   * {@code DELETE /segments/{segmentId}/shopper-profiles?id:in=...}: takes the profiles out of the
   * segment (split when the ids do not fit in one request target). The profiles are not deleted.
   *
   * @throws SegmentsValidationException if {@code shopperProfileIds} is null or empty: without ids
   *     the API would empty the segment; that is {@link #removeAll()}
   */
  public Call<ChunkedResult<UUID>> remove(Collection<UUID> shopperProfileIds) {
    List<UUID> ids =
        Inputs.idsToDelete(
            "shopperProfileIds", shopperProfileIds, "segments().shopperProfiles(id).removeAll()");
    return calls.deleteByIds(
        Operation.REMOVE_SHOPPER_PROFILES_FROM_SEGMENT,
        segmentId,
        ids,
        basePath,
        (api, chunk) -> new SegmentsApi(api).deleteShopperProfile(JSON, segmentId, chunk));
  }

  /** {@code DELETE /segments/{segmentId}/shopper-profiles} without ids: empties the segment. */
  public Call<Void> removeAll() {
    return calls.deleteEverything(
        Operation.REMOVE_SHOPPER_PROFILES_FROM_SEGMENT,
        segmentId,
        (api, none) -> new SegmentsApi(api).deleteShopperProfile(JSON, segmentId, none));
  }

  private String name() {
    return "GET " + Operation.LIST_SEGMENT_SHOPPER_PROFILES.path(segmentId);
  }

  private Endpoint<ShopperProfilesCollectionResponse, Page<ShopperProfile>> listEndpoint(
      PageParams page) {
    return new Endpoint<>(
        Operation.LIST_SEGMENT_SHOPPER_PROFILES,
        segmentId,
        api -> new SegmentsApi(api).getSegmentProfiles(JSON, segmentId, page.page(), page.limit()),
        ShopperProfilesCollectionResponse.class,
        response ->
            Pages.checked(name(), page, response.getData(), response.getMeta().getPagination()));
  }
}
