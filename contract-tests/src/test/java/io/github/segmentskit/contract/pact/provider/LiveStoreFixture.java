package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Provider states on a real store, through {@link SegmentsClient}, for one {@link LiveRun}:
 *
 * <ul>
 *   <li>it creates only segments named with the run's prefix and records their ids; it creates no
 *       shopper profiles and deletes none;
 *   <li>it lends the store's own shopper profiles only to interactions whose allow-list entry says
 *       so ({@link #lendFor}), and only to add them to (and remove them from) the run's own
 *       segments; any other state asking for a profile gets a random UUID that names nothing;
 *   <li>it cleans up by run: the segments this run created or named ({@link #cleanUp}), by id, with
 *       {@code id:in}; other runs' segments only once they are older than {@link
 *       LiveRun#LEFTOVER_AGE} ({@link #sweepLeftovers});
 *   <li>{@link #installShutdownHook()}: if the JVM is stopped mid-run (Ctrl-C, a CI timeout), the
 *       run's segments are still deleted, so no real customer's profile is left in one.
 * </ul>
 */
final class LiveStoreFixture implements StoreFixture {
  /** How many shopper profiles of the store the survey looks at for one in no segment. */
  static final int PROFILES_SURVEYED = 25;

  private static final String DESCRIPTION =
      "Created by segments-kit contract tests; safe to delete.";

  private final SegmentsClient client;
  private final LiveRun run;
  private final Clock clock;
  private final List<UUID> storeProfiles = new ArrayList<>();
  private Optional<UUID> profileInNoSegment = Optional.empty();
  private int lendable;
  private Thread shutdownHook;

  LiveStoreFixture(SegmentsClient client, LiveRun run, Clock clock) {
    this.client = requireNonNull(client, "client == null");
    this.run = requireNonNull(run, "run == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** The run this fixture works for. */
  LiveRun run() {
    return run;
  }

  /**
   * Looks, read-only, at the store's first shopper profiles: how many there are (up to two are
   * used) and whether one of the first {@value #PROFILES_SURVEYED} is in no segment.
   */
  LiveAllowList.Store survey(boolean readOnlyToken) {
    storeProfiles.clear();
    List<ShopperProfile> first =
        client
            .shopperProfiles()
            .list(PageParams.first().limit(PROFILES_SURVEYED))
            .execute()
            .items();
    first.stream().limit(2).map(ShopperProfile::getId).forEach(storeProfiles::add);
    profileInNoSegment =
        first.stream()
            .map(ShopperProfile::getId)
            .filter(
                id ->
                    client
                        .shopperProfiles()
                        .segments(id)
                        .list(PageParams.first().limit(1))
                        .execute()
                        .items()
                        .isEmpty())
            .findFirst();
    return new LiveAllowList.Store(
        readOnlyToken, storeProfiles.size(), profileInNoSegment.isPresent());
  }

  /**
   * Before an interaction: how many of the store's real shopper profiles its states may be handed
   * (its allow-list entry's {@link LiveAllowList.ProfileUse#lent()}; 0 for anything not allowed).
   */
  void lendFor(int realProfiles) {
    this.lendable = realProfiles;
  }

  @Override
  public void reset() {
    cleanUp();
  }

  @Override
  public Created createSegment(String baseName) {
    String name = run.name(baseName);
    List<Segment> created =
        client
            .segments()
            .create(List.of(new SegmentPost().name(name).description(DESCRIPTION)))
            .execute();
    UUID id = created.get(0).getId();
    run.created(id);
    return new Created(id, name);
  }

  @Override
  public String freeSegmentName(String baseName) {
    return run.name(baseName);
  }

  @Override
  public void fillWithSegments() {
    throw notOnARealStore("filling the store with segments");
  }

  /**
   * A real shopper profile if the interaction may be lent one ({@code index} below what {@link
   * #lendFor} allowed); otherwise a random UUID, which names no profile.
   */
  @Override
  public UUID shopperProfile(int index, boolean inNoSegment) {
    if (index >= lendable) {
      return UUID.randomUUID();
    }
    UUID profile;
    if (inNoSegment) {
      profile =
          profileInNoSegment.orElseThrow(
              () -> new IllegalStateException("the store has no shopper profile in no segment"));
    } else if (index < storeProfiles.size()) {
      profile = storeProfiles.get(index);
    } else {
      throw new IllegalStateException("the store has no shopper profile #" + (index + 1));
    }
    run.lent(profile);
    return profile;
  }

  @Override
  public void addToSegment(UUID segmentId, UUID shopperProfileId) {
    if (!run.createdSegment(segmentId) || !run.lentShopperProfile(shopperProfileId)) {
      throw new IllegalStateException(
          "a live run adds only profiles it lent to segments it created");
    }
    if (!client
        .segments()
        .shopperProfiles(segmentId)
        .add(List.of(shopperProfileId))
        .execute()
        .allSucceeded()) {
      throw new IllegalStateException("could not add a shopper profile to " + segmentId);
    }
  }

  @Override
  public long customerWithoutShopperProfile() {
    throw notOnARealStore("creating a shopper profile");
  }

  @Override
  public void rateLimitUsedUp() {
    throw notOnARealStore("using up the store's rate limit");
  }

  /**
   * Deletes this run's segments: those it created and those named with its prefix (a replayed
   * create makes some), by id with {@code id:in}. Nothing of another run, nothing of the store.
   */
  @Override
  public void cleanUp() {
    Set<UUID> ids = new LinkedHashSet<>(run.createdSegments());
    client.segments().stream(PageParams.MAX_LIMIT)
        .filter(segment -> run.owns(segment.getName()))
        .map(Segment::getId)
        .forEach(ids::add);
    if (!ids.isEmpty()) {
      client.segments().delete(ids).execute().orThrow();
      ids.forEach(run::deleted);
    }
  }

  /**
   * Deletes other runs' leftovers: segments named as a live run names them and created more than
   * {@link LiveRun#LEFTOVER_AGE} ago (by their {@code created_at}); returns their names.
   */
  List<String> sweepLeftovers() {
    List<Segment> leftovers =
        client.segments().stream(PageParams.MAX_LIMIT)
            .filter(s -> run.isLeftover(s.getName(), s.getCreatedAt(), clock.instant()))
            .toList();
    if (!leftovers.isEmpty()) {
      client.segments().delete(leftovers.stream().map(Segment::getId).toList()).execute().orThrow();
    }
    return leftovers.stream().map(Segment::getName).toList();
  }

  /** Deletes this run's segments when the JVM stops before {@link #removeShutdownHook()}. */
  synchronized void installShutdownHook() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(this::cleanUpOnShutdown, "segments-kit-live-run-" + run.id());
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
  }

  /** After a run that cleaned up itself. */
  synchronized void removeShutdownHook() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      shutdownHook = null;
    }
  }

  private void cleanUpOnShutdown() {
    try {
      cleanUp();
      System.err.println("live run " + run.id() + " stopped early: its segments were deleted");
    } catch (RuntimeException e) {
      System.err.println(
          "live run "
              + run.id()
              + " stopped early and could not delete its segments (named "
              + run.prefix()
              + "...): "
              + e);
    }
  }

  @Override
  public boolean hasSegment(UUID segmentId) {
    return client.segments().list(PageParams.first(), List.of(segmentId)).execute().items().stream()
        .anyMatch(segment -> segmentId.equals(segment.getId()));
  }

  @Override
  public boolean hasAnySegment() {
    return !client.segments().list(PageParams.first().limit(1)).execute().items().isEmpty();
  }

  @Override
  public boolean hasShopperProfile(UUID shopperProfileId) {
    try {
      client.shopperProfiles().segments(shopperProfileId).list(PageParams.first()).execute();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean isInSegment(UUID shopperProfileId, UUID segmentId) {
    return client.segments().shopperProfiles(segmentId).stream(PageParams.MAX_LIMIT)
        .anyMatch(profile -> shopperProfileId.equals(profile.getId()));
  }

  private static IllegalStateException notOnARealStore(String what) {
    return new IllegalStateException(
        what + " is not done on a real store (not on the live allow-list)");
  }
}
