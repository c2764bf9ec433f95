package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One live run: its id, the names it gives its segments, and what it owns. Everything the run may
 * change on a real store is decided here:
 *
 * <ul>
 *   <li>its segments are named {@value #PREFIX}{@code <run>-<n>-<name>}, {@code <run>} 8 random hex
 *       digits; the segments it created are recorded by id;
 *   <li>the real shopper profiles it lent to interactions are recorded by id;
 *   <li>a segment of another run is a leftover only once its {@code created_at} is more than {@link
 *       #LEFTOVER_AGE} old: younger ones may belong to a run still going.
 * </ul>
 *
 * Thread-safe.
 */
final class LiveRun {
  /** The start of the name of every segment a live run creates. */
  static final String PREFIX = "segments-kit-contract-";

  /** How old another run's segment must be before a run sweeps it (by its {@code created_at}). */
  static final Duration LEFTOVER_AGE = Duration.ofHours(1);

  /** A name a live run gives: prefix, run id, counter, base name. Group 1 is the run id. */
  private static final Pattern KIT_NAME =
      Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{8})-[0-9]+-.+");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String id;
  private final AtomicInteger names = new AtomicInteger();
  private final Set<UUID> createdSegments = ConcurrentHashMap.newKeySet();
  private final Set<UUID> lentShopperProfiles = ConcurrentHashMap.newKeySet();

  private LiveRun(String id) {
    this.id = id;
  }

  /** A run with a fresh random id. */
  static LiveRun start() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return new LiveRun(HexFormat.of().formatHex(bytes));
  }

  /** A run with this id (8 hex digits): for tests. */
  static LiveRun withId(String id) {
    requireNonNull(id, "id == null");
    if (!id.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("a run id is 8 lower-case hex digits: " + id);
    }
    return new LiveRun(id);
  }

  /** The run's id. */
  String id() {
    return id;
  }

  /** The start of every name this run gives: {@value #PREFIX}{@code <run>-}. */
  String prefix() {
    return PREFIX + id + "-";
  }

  /** A new name of this run, based on {@code baseName}. */
  String name(String baseName) {
    requireNonNull(baseName, "baseName == null");
    return prefix() + names.incrementAndGet() + "-" + baseName;
  }

  /** Whether {@code name} is one this run gives. */
  boolean owns(String name) {
    return name != null && name.startsWith(prefix());
  }

  /** Records a segment this run created. */
  void created(UUID segmentId) {
    createdSegments.add(requireNonNull(segmentId, "segmentId == null"));
  }

  /** Whether this run created the segment. */
  boolean createdSegment(UUID segmentId) {
    return createdSegments.contains(segmentId);
  }

  /** Forgets a segment this run deleted. */
  void deleted(UUID segmentId) {
    createdSegments.remove(segmentId);
  }

  /** The segments this run created and has not deleted yet. */
  Set<UUID> createdSegments() {
    return Set.copyOf(createdSegments);
  }

  /** Records a real shopper profile this run lent to an interaction. */
  void lent(UUID shopperProfileId) {
    lentShopperProfiles.add(requireNonNull(shopperProfileId, "shopperProfileId == null"));
  }

  /** Whether this run lent the shopper profile to an interaction. */
  boolean lentShopperProfile(UUID shopperProfileId) {
    return lentShopperProfiles.contains(shopperProfileId);
  }

  /**
   * Whether a segment is another run's leftover this run may delete: named as a live run names its
   * segments, by another run, and created more than {@link #LEFTOVER_AGE} before {@code now}. A
   * segment without {@code created_at} is never a leftover.
   */
  boolean isLeftover(String name, OffsetDateTime createdAt, Instant now) {
    requireNonNull(now, "now == null");
    if (name == null || createdAt == null) {
      return false;
    }
    Matcher kitName = KIT_NAME.matcher(name);
    return kitName.matches()
        && !kitName.group(1).equals(id)
        && createdAt.toInstant().isBefore(now.minus(LEFTOVER_AGE));
  }

  @Override
  public String toString() {
    return "LiveRun[" + id + "]";
  }
}
