package io.github.segmentskit.client;

import io.github.segmentskit.generated.api.ShopperProfilesApi;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import java.util.UUID;
import java.util.stream.Stream;

/** The segments one shopper profile belongs to: {@code client.shopperProfiles().segments(id)}. */
public final class ShopperProfileSegments {
  private static final String JSON = "application/json";

  private final Calls calls;
  private final UUID shopperProfileId;

  ShopperProfileSegments(Calls calls, UUID shopperProfileId) {
    this.calls = calls;
    this.shopperProfileId = shopperProfileId;
  }

  /** The shopper profile these segments are of. */
  public UUID shopperProfileId() {
    return shopperProfileId;
  }

  /** {@code GET /shopper-profiles/{shopperProfileId}/segments}: one page of its segments. */
  public Call<Page<Segment>> list(PageParams page) {
    return calls.single(listEndpoint(Inputs.page(page)));
  }

  /** All of its segments, {@value PageParams#DEFAULT_LIMIT} per request. */
  public Stream<Segment> stream() {
    return stream(PageParams.DEFAULT_LIMIT);
  }

  /** All of its segments, {@code pageSize} per request (1 to 250). */
  public Stream<Segment> stream(int pageSize) {
    int size = Inputs.pageSize(pageSize);
    return PagedStream.of(name(), size, page -> calls.single(listEndpoint(page)).execute());
  }

  private String name() {
    return "GET " + Operation.LIST_SHOPPER_PROFILE_SEGMENTS.path(shopperProfileId);
  }

  private Endpoint<SegmentsCollectionResponse, Page<Segment>> listEndpoint(PageParams page) {
    return new Endpoint<>(
        Operation.LIST_SHOPPER_PROFILE_SEGMENTS,
        shopperProfileId,
        api ->
            new ShopperProfilesApi(api)
                .getListShopperProfile(JSON, shopperProfileId, page.page(), page.limit()),
        SegmentsCollectionResponse.class,
        response ->
            Pages.checked(name(), page, response.getData(), response.getMeta().getPagination()));
  }
}
