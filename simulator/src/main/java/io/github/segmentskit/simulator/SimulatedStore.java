package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The state of one simulated store, for tests and Pact provider states: read it, seed it, reset it.
 * Changes made here are seen by the next HTTP request (and are not counted in the metrics).
 *
 * <p>Fixture methods enforce the API's rules (unique names, at most 1000 segments per store, one
 * profile per customer, at most 1000 segments per shopper) and throw {@link
 * IllegalArgumentException} or {@link IllegalStateException} when a fixture breaks them.
 */
public final class SimulatedStore {

  private final String hash;
  private final StoreContext context;
  private final StoreState state;

  SimulatedStore(String hash, StoreContext context) {
    this.hash = requireNonNull(hash, "hash == null");
    this.context = requireNonNull(context, "context == null");
    this.state = context.state();
  }

  /** The store hash. */
  public String hash() {
    return hash;
  }

  /**
   * Deletes every segment, shopper profile and membership of the store, and clears its rate-limit
   * state: a {@link #rateLimitFor(Duration)} ends and the next request opens a fresh quota window.
   */
  public void reset() {
    context.reset();
  }

  /**
   * Rate limits the store for {@code duration} (at least 1 ms), e.g. for the provider state "the
   * store's rate limit is used up": until then, every request to it that passes authentication is
   * answered with 429, {@code X-Rate-Limit-Requests-Left: 0} and {@code X-Rate-Limit-Time-Reset-Ms}
   * (and {@code X-Retry-After}, in whole seconds rounded up) counting down to the end, by the
   * simulator's rate-limit clock. A request without a valid token still gets 401 (or 403), and
   * other stores are not affected. Afterwards a fresh quota window opens. Replaces an earlier rate
   * limit of the store.
   */
  public SimulatedStore rateLimitFor(Duration duration) {
    requireNonNull(duration, "duration == null");
    context.window().block(duration);
    return this;
  }

  /** Ends a {@link #rateLimitFor(Duration)} at once (the quota window is left as it is). */
  public SimulatedStore clearRateLimit() {
    context.window().unblock();
    return this;
  }

  /** Creates a segment with a generated id and returns the id. */
  public UUID createSegment(String name, String description) {
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    return state.createSegment(name, description).id();
  }

  /**
   * Creates (or replaces) the segment with a fixed id, e.g. for the provider state "segment
   * 3fa85f64-5717-4562-b3fc-2c963f66afa6 exists".
   */
  public SimulatedStore putSegment(UUID id, String name, String description) {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    state.putSegment(id, name, description);
    return this;
  }

  /**
   * Creates {@code count} segments named {@code Segment 1}, {@code Segment 2}, ... (free names).
   */
  public List<UUID> fillSegments(int count) {
    return state.fillSegments(count);
  }

  /** Creates a shopper profile with a generated id for the customer and returns the id. */
  public UUID createShopperProfile(long customerId) {
    UUID id = UUID.randomUUID();
    state.putShopperProfile(id, customerId);
    return id;
  }

  /** Creates (or replaces) the shopper profile with a fixed id. */
  public SimulatedStore putShopperProfile(UUID id, long customerId) {
    requireNonNull(id, "id == null");
    state.putShopperProfile(id, customerId);
    return this;
  }

  /** Adds existing shopper profiles to an existing segment; profiles already in it are skipped. */
  public SimulatedStore addToSegment(UUID segmentId, UUID... shopperProfileIds) {
    requireNonNull(segmentId, "segmentId == null");
    requireNonNull(shopperProfileIds, "shopperProfileIds == null");
    return addToSegment(segmentId, Arrays.asList(shopperProfileIds));
  }

  /** Adds existing shopper profiles to an existing segment; profiles already in it are skipped. */
  public SimulatedStore addToSegment(UUID segmentId, List<UUID> shopperProfileIds) {
    requireNonNull(segmentId, "segmentId == null");
    requireNonNull(shopperProfileIds, "shopperProfileIds == null");
    shopperProfileIds.forEach(id -> requireNonNull(id, "shopperProfileIds contains null"));
    state.link(segmentId, List.copyOf(shopperProfileIds));
    return this;
  }

  /** A snapshot of the store's segments, in creation order. */
  public List<Segment> segments() {
    return state.segments();
  }

  /** The segment with this id, if any. */
  public Optional<Segment> segment(UUID id) {
    requireNonNull(id, "id == null");
    return Optional.ofNullable(state.segment(id));
  }

  /** A snapshot of the store's shopper profiles, in creation order. */
  public List<ShopperProfile> shopperProfiles() {
    return state.shopperProfiles();
  }

  /** The shopper profile with this id, if any. */
  public Optional<ShopperProfile> shopperProfile(UUID id) {
    requireNonNull(id, "id == null");
    return Optional.ofNullable(state.shopperProfile(id));
  }

  /** The shopper profiles in the segment, in the order they were added. */
  public List<ShopperProfile> shopperProfilesIn(UUID segmentId) {
    requireNonNull(segmentId, "segmentId == null");
    if (state.segment(segmentId) == null) {
      throw new IllegalArgumentException("no segment " + segmentId);
    }
    return state.shopperProfilesIn(segmentId);
  }

  /** The segments the shopper profile belongs to. */
  public List<Segment> segmentsOf(UUID shopperProfileId) {
    requireNonNull(shopperProfileId, "shopperProfileId == null");
    if (state.shopperProfile(shopperProfileId) == null) {
      throw new IllegalArgumentException("no shopper profile " + shopperProfileId);
    }
    return state.segmentsOf(shopperProfileId);
  }

  @Override
  public String toString() {
    return "SimulatedStore{" + hash + "}";
  }
}
