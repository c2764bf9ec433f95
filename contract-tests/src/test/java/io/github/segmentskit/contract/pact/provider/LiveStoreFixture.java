package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SEGMENT_NAME;
import static io.github.segmentskit.contract.pact.ProviderStates.KEY_SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_NAME;
import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provider states on a real store, through {@link SegmentsClient}, with two rules:
 *
 * <ul>
 *   <li>it creates only segments named {@value #PREFIX}{@code <run>-<n>-<name>} (and the pacts take
 *       every segment name they send from these states), and no shopper profiles: states that need
 *       one use a profile the store already has (only adding it to, and removing it from, the kit's
 *       own segments);
 *   <li>it deletes only segments whose name starts with {@value #PREFIX}, by id, with {@code id:in}
 *       ({@link SegmentsClient#deleteSegments}); never a delete without ids.
 * </ul>
 *
 * <p>States that cannot be set up safely on a real store are never reached: {@link LiveSafety}
 * skips their interactions first.
 */
final class LiveStoreFixture implements StoreFixture {
  /** The start of the name of every segment the live verification creates. */
  static final String PREFIX = "segments-kit-contract-";

  private static final String DESCRIPTION =
      "Created by segments-kit contract tests; safe to delete.";

  private final SegmentsClient client;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger count = new AtomicInteger();

  LiveStoreFixture(SegmentsClient client) {
    this.client = requireNonNull(client, "client == null");
  }

  @Override
  public void reset() {
    cleanUp();
  }

  @Override
  public Map<String, Object> segmentExists() {
    Segment segment = create("Wholesale buyers");
    return Map.of(KEY_SEGMENT_ID, segment.getId().toString(), KEY_SEGMENT_NAME, segment.getName());
  }

  @Override
  public Map<String, Object> freeSegmentName() {
    return Map.of(KEY_SEGMENT_NAME, name(SEGMENT_NAME));
  }

  @Override
  public Map<String, Object> segmentWithName() {
    return Map.of(KEY_SEGMENT_NAME, create(SEGMENT_NAME).getName());
  }

  @Override
  public Map<String, Object> storeFull() {
    throw new IllegalStateException("not set up on a real store: LiveSafety skips it");
  }

  @Override
  public Map<String, Object> shopperProfileExists() {
    return Map.of(KEY_SHOPPER_PROFILE_ID, existingShopperProfile().toString());
  }

  @Override
  public Map<String, Object> shopperProfileInSegment() {
    Segment segment = create("Wholesale buyers");
    UUID profile = existingShopperProfile();
    ChunkedResult<ShopperProfile> added =
        client.segments().shopperProfiles(segment.getId()).add(List.of(profile)).execute();
    if (!added.allSucceeded()) {
      throw new IllegalStateException("could not add a shopper profile to " + segment.getName());
    }
    return Map.of(
        KEY_SEGMENT_ID, segment.getId().toString(), KEY_SHOPPER_PROFILE_ID, profile.toString());
  }

  @Override
  public void customerHasNoShopperProfile() {
    throw new IllegalStateException("not set up on a real store: LiveSafety skips it");
  }

  /** Whether the store has a shopper profile the states can use. */
  boolean hasShopperProfile() {
    return !client.shopperProfiles().list(PageParams.first().limit(1)).execute().items().isEmpty();
  }

  /** Deletes every segment named with {@value #PREFIX}, by id; nothing else. */
  @Override
  public void cleanUp() {
    List<UUID> ids =
        client.segments().stream(PageParams.MAX_LIMIT)
            .filter(segment -> segment.getName() != null && segment.getName().startsWith(PREFIX))
            .map(Segment::getId)
            .toList();
    if (!ids.isEmpty()) {
      client.segments().delete(ids).execute().orThrow();
    }
  }

  private Segment create(String base) {
    List<Segment> created =
        client
            .segments()
            .create(List.of(new SegmentPost().name(name(base)).description(DESCRIPTION)))
            .execute();
    return created.get(0);
  }

  private String name(String base) {
    return PREFIX + run + "-" + count.incrementAndGet() + "-" + base;
  }

  private UUID existingShopperProfile() {
    List<ShopperProfile> profiles =
        client.shopperProfiles().list(PageParams.first().limit(1)).execute().items();
    if (profiles.isEmpty()) {
      throw new IllegalStateException("the store has no shopper profile: LiveSafety skips it");
    }
    return profiles.get(0).getId();
  }
}
