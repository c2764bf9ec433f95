package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.generated.api.ShopperProfilesApi;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import io.github.segmentskit.generated.model.ShopperProfilesCollectionResponse;
import io.github.segmentskit.generated.model.ShopperProfilesWriteResponse;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The store's shopper profiles: {@code client.shopperProfiles()}. */
public final class ShopperProfiles {
  private static final String JSON = "application/json";

  private final Calls calls;
  private final String basePath;

  ShopperProfiles(Calls calls, String basePath) {
    this.calls = calls;
    this.basePath = basePath;
  }

  /** {@code GET /shopper-profiles}: one page of the store's shopper profiles. */
  public Call<Page<ShopperProfile>> list(PageParams page) {
    return calls.single(listEndpoint(Inputs.page(page)));
  }

  /** All shopper profiles, {@value PageParams#DEFAULT_LIMIT} per request. */
  public Stream<ShopperProfile> stream() {
    return stream(PageParams.DEFAULT_LIMIT);
  }

  /** All shopper profiles, {@code pageSize} per request (1 to 250). */
  public Stream<ShopperProfile> stream(int pageSize) {
    int size = Inputs.pageSize(pageSize);
    return PagedStream.of(
        "GET /shopper-profiles", size, page -> calls.single(listEndpoint(page)).execute());
  }

  /**
   * {@code POST /shopper-profiles}: creates profiles for existing customers ({@code customer_id}
   * from 1).
   */
  public Call<List<ShopperProfile>> create(List<ShopperProfilePost> shopperProfiles) {
    List<ShopperProfilePost> body = Inputs.body("shopperProfiles", shopperProfiles);
    return calls.single(
        new Endpoint<>(
            Operation.CREATE_SHOPPER_PROFILES,
            null,
            api -> new ShopperProfilesApi(api).shopperProfilesRequest(JSON, JSON, body),
            ShopperProfilesWriteResponse.class,
            response -> List.copyOf(response.getData())));
  }

  /**
   * {@code DELETE /shopper-profiles?id:in=...}: deletes the profiles with these ids (split when
   * they do not fit in one request target).
   *
   * @throws SegmentsValidationException if {@code ids} is null or empty: without ids the API would
   *     delete every shopper profile; that is {@link #deleteAll()}
   */
  public Call<ChunkedResult<UUID>> delete(Collection<UUID> ids) {
    List<UUID> toDelete = Inputs.idsToDelete("ids", ids, "shopperProfiles().deleteAll()");
    return calls.deleteByIds(
        Operation.DELETE_SHOPPER_PROFILES,
        null,
        toDelete,
        basePath,
        (api, chunk) -> new ShopperProfilesApi(api).deleteStoreShopperProfile(JSON, chunk));
  }

  /** {@code DELETE /shopper-profiles} without ids: deletes <b>every</b> shopper profile. */
  public Call<Void> deleteAll() {
    return calls.deleteEverything(
        Operation.DELETE_SHOPPER_PROFILES,
        null,
        (api, none) -> new ShopperProfilesApi(api).deleteStoreShopperProfile(JSON, none));
  }

  /** The segments the shopper profile {@code shopperProfileId} belongs to. */
  public ShopperProfileSegments segments(UUID shopperProfileId) {
    return new ShopperProfileSegments(calls, Inputs.id("shopperProfileId", shopperProfileId));
  }

  private Endpoint<ShopperProfilesCollectionResponse, Page<ShopperProfile>> listEndpoint(
      PageParams page) {
    return new Endpoint<>(
        Operation.LIST_SHOPPER_PROFILES,
        null,
        api -> new ShopperProfilesApi(api).getShopperList(JSON, page.page(), page.limit()),
        ShopperProfilesCollectionResponse.class,
        response ->
            Pages.checked(
                "GET /shopper-profiles",
                page,
                response.getData(),
                response.getMeta().getPagination()));
  }
}
