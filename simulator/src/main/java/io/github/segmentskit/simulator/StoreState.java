package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The segments and shopper profiles of one store, and the rules that bind them.
 *
 * <p>Thread-safe: every method holds the store's lock, so a batch is checked and written as one
 * step. Lists keep insertion order (segments and profiles in creation order, the profiles of a
 * segment in the order they were added). Rule violations of HTTP calls are thrown as {@link
 * Problem}s.
 */
final class StoreState {

  /**
   * A segment to create.
   *
   * @param name the name (not empty)
   * @param description the description; empty if none
   */
  record NewSegment(String name, String description) {
    NewSegment {
      requireNonNull(name, "name == null");
      requireNonNull(description, "description == null");
    }
  }

  /**
   * A change to one segment; null fields stay as they are.
   *
   * @param id the segment to change
   * @param name the new name, or null
   * @param description the new description, or null
   */
  record SegmentChange(UUID id, String name, String description) {
    SegmentChange {
      requireNonNull(id, "id == null");
    }
  }

  static final String DUPLICATE_NAME = "Cannot have multiple segments with the same name.";
  static final String ALREADY_IN_SEGMENT = "The shopper profile is already in the segment.";

  private final Clock clock;
  private final Supplier<UUID> ids;
  private final Map<UUID, Segment> segments = new LinkedHashMap<>();
  private final Map<UUID, ShopperProfile> profiles = new LinkedHashMap<>();
  private final Map<UUID, Set<UUID>> profilesBySegment = new HashMap<>();
  private final Map<UUID, Set<UUID>> segmentsByProfile = new HashMap<>();

  StoreState(Clock clock) {
    this(clock, UUID::randomUUID);
  }

  /** A store whose new segments and shopper profiles get their ids from {@code ids}. */
  StoreState(Clock clock, Supplier<UUID> ids) {
    this.clock = requireNonNull(clock, "clock == null");
    this.ids = requireNonNull(ids, "ids == null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  synchronized void reset() {
    segments.clear();
    profiles.clear();
    profilesBySegment.clear();
    segmentsByProfile.clear();
  }

  // ---- segments

  synchronized List<Segment> segments() {
    return List.copyOf(segments.values());
  }

  /** The segments among {@code ids}, in store order; unknown ids are skipped. */
  synchronized List<Segment> segments(Collection<UUID> ids) {
    Set<UUID> wanted = new HashSet<>(ids);
    return segments.values().stream().filter(s -> wanted.contains(s.id())).toList();
  }

  synchronized Segment segment(UUID id) {
    return segments.get(id);
  }

  /**
   * Creates the segments whose names are free (in the store and earlier in the batch); the others
   * are conflicts. 403 (a platform limit, nothing created) if the store would hold more than {@link
   * Limits#MAX_SEGMENTS_PER_STORE}.
   */
  synchronized BatchResult<Segment> createSegments(List<NewSegment> batch) {
    Set<String> names = new HashSet<>();
    segments.values().forEach(s -> names.add(s.name()));
    List<NewSegment> creatable = new ArrayList<>();
    List<BatchResult.Conflict> conflicts = new ArrayList<>();
    for (NewSegment item : batch) {
      if (names.add(item.name())) {
        creatable.add(item);
      } else {
        conflicts.add(new BatchResult.Conflict(DUPLICATE_NAME, Map.of()));
      }
    }
    if (segments.size() + creatable.size() > Limits.MAX_SEGMENTS_PER_STORE) {
      throw Problem.platformLimit(
          "segments",
          "a store can have at most "
              + Limits.MAX_SEGMENTS_PER_STORE
              + " segments; it has "
              + segments.size()
              + " and the request would add "
              + creatable.size());
    }
    Instant now = now();
    List<Segment> created = new ArrayList<>();
    for (NewSegment item : creatable) {
      Segment segment = new Segment(freshId(), item.name(), item.description(), now, now);
      segments.put(segment.id(), segment);
      created.add(segment);
    }
    return new BatchResult<>(created, conflicts, batch.size());
  }

  /**
   * Applies every change or none: 404 if an id names no segment, 422 if a new name is used by
   * another segment (after the whole batch) or is empty.
   */
  synchronized List<Segment> updateSegments(List<SegmentChange> batch) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (SegmentChange change : batch) {
      if (!segments.containsKey(change.id())) {
        unknown.add(change.id().toString());
      }
    }
    if (!unknown.isEmpty()) {
      throw Problem.of(404, "Segment not found", Map.of("id", String.join(",", unknown)));
    }
    Map<UUID, String> finalNames = new HashMap<>();
    segments.values().forEach(s -> finalNames.put(s.id(), s.name()));
    batch.stream()
        .filter(change -> change.name() != null)
        .forEach(change -> finalNames.put(change.id(), change.name()));
    for (int i = 0; i < batch.size(); i++) {
      SegmentChange change = batch.get(i);
      if (change.name() == null) {
        continue;
      }
      boolean taken =
          finalNames.entrySet().stream()
              .anyMatch(e -> !e.getKey().equals(change.id()) && e.getValue().equals(change.name()));
      if (taken) {
        errors.put(i + ".name", "is already used by another segment");
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    Instant now = now();
    List<Segment> updated = new ArrayList<>();
    for (SegmentChange change : batch) {
      Segment old = segments.get(change.id());
      Segment segment =
          new Segment(
              old.id(),
              change.name() == null ? old.name() : change.name(),
              change.description() == null ? old.description() : change.description(),
              old.createdAt(),
              now);
      segments.put(segment.id(), segment);
      updated.add(segment);
    }
    return updated;
  }

  /** Deletes the segments among {@code ids} (unknown ids are ignored), detaching their profiles. */
  synchronized void deleteSegments(Collection<UUID> ids) {
    for (UUID id : ids) {
      if (segments.remove(id) != null) {
        Set<UUID> members = profilesBySegment.remove(id);
        if (members != null) {
          members.forEach(profile -> segmentsByProfile.get(profile).remove(id));
        }
      }
    }
  }

  /** Deletes every segment: what {@code DELETE /segments} without {@code id:in} does. */
  synchronized void deleteAllSegments() {
    deleteSegments(List.copyOf(segments.keySet()));
  }

  // ---- shopper profiles

  synchronized List<ShopperProfile> shopperProfiles() {
    return List.copyOf(profiles.values());
  }

  synchronized ShopperProfile shopperProfile(UUID id) {
    return profiles.get(id);
  }

  /**
   * Creates one profile per customer id; 422 if a customer already has a profile or appears twice
   * in the batch (the spec gives this operation no 409).
   */
  synchronized List<ShopperProfile> createShopperProfiles(List<Long> customerIds) {
    Set<Long> customers = new HashSet<>();
    profiles.values().forEach(p -> customers.add(p.customerId()));
    Map<String, String> errors = new LinkedHashMap<>();
    for (int i = 0; i < customerIds.size(); i++) {
      if (!customers.add(customerIds.get(i))) {
        errors.put(i + ".customer_id", "already has a shopper profile");
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(errors);
    }
    Instant now = now();
    List<ShopperProfile> created = new ArrayList<>();
    for (long customerId : customerIds) {
      ShopperProfile profile = new ShopperProfile(freshId(), customerId, now, now);
      profiles.put(profile.id(), profile);
      created.add(profile);
    }
    return created;
  }

  /** Deletes the profiles among {@code ids} (unknown ids are ignored) and their memberships. */
  synchronized void deleteShopperProfiles(Collection<UUID> ids) {
    for (UUID id : ids) {
      if (profiles.remove(id) != null) {
        Set<UUID> memberships = segmentsByProfile.remove(id);
        if (memberships != null) {
          memberships.forEach(segment -> profilesBySegment.get(segment).remove(id));
        }
      }
    }
  }

  /** Deletes every shopper profile: {@code DELETE /shopper-profiles} without {@code id:in}. */
  synchronized void deleteAllShopperProfiles() {
    deleteShopperProfiles(List.copyOf(profiles.keySet()));
  }

  // ---- memberships

  /** The profiles in the segment, in the order they were added; 404 if there is no segment. */
  synchronized List<ShopperProfile> shopperProfilesIn(UUID segmentId) {
    requireSegment(segmentId);
    return profilesBySegment.getOrDefault(segmentId, Set.of()).stream().map(profiles::get).toList();
  }

  /** The segments the profile belongs to, in store order; 404 if there is no such profile. */
  synchronized List<Segment> segmentsOf(UUID profileId) {
    if (!profiles.containsKey(profileId)) {
      throw Problem.notFound("Shopper profile not found");
    }
    Set<UUID> memberships = segmentsByProfile.getOrDefault(profileId, Set.of());
    return segments.values().stream().filter(s -> memberships.contains(s.id())).toList();
  }

  /**
   * Adds profiles to a segment. 404 if there is no segment; 422 (nothing added) if an id names no
   * profile; 403 (a platform limit, nothing added) if a profile would belong to more than {@link
   * Limits#MAX_SEGMENTS_PER_SHOPPER} segments; profiles already in the segment are conflicts, the
   * others are added.
   */
  synchronized BatchResult<ShopperProfile> addToSegment(UUID segmentId, List<UUID> profileIds) {
    requireSegment(segmentId);
    Set<UUID> members = profilesBySegment.getOrDefault(segmentId, Set.of());
    Map<String, String> unknown = new LinkedHashMap<>();
    Map<String, String> full = new LinkedHashMap<>();
    for (int i = 0; i < profileIds.size(); i++) {
      UUID id = profileIds.get(i);
      if (!profiles.containsKey(id)) {
        unknown.put(String.valueOf(i), "no shopper profile has this id");
      } else if (!members.contains(id)
          && segmentsByProfile.getOrDefault(id, Set.of()).size()
              >= Limits.MAX_SEGMENTS_PER_SHOPPER) {
        full.put(
            String.valueOf(i),
            "the shopper profile already belongs to "
                + Limits.MAX_SEGMENTS_PER_SHOPPER
                + " segments, the most allowed");
      }
    }
    if (!unknown.isEmpty()) {
      throw Problem.unprocessable(unknown);
    }
    if (!full.isEmpty()) {
      throw Problem.platformLimit(full);
    }
    List<ShopperProfile> added = new ArrayList<>();
    List<BatchResult.Conflict> conflicts = new ArrayList<>();
    for (UUID id : profileIds) {
      if (link(segmentId, id)) {
        added.add(profiles.get(id));
      } else {
        conflicts.add(new BatchResult.Conflict(ALREADY_IN_SEGMENT, Map.of("id", id.toString())));
      }
    }
    return new BatchResult<>(added, conflicts, profileIds.size());
  }

  /** Removes the profiles among {@code ids} from the segment; 404 if there is no segment. */
  synchronized void removeFromSegment(UUID segmentId, Collection<UUID> ids) {
    requireSegment(segmentId);
    Set<UUID> members = profilesBySegment.get(segmentId);
    if (members == null) {
      return;
    }
    for (UUID id : ids) {
      if (members.remove(id)) {
        segmentsByProfile.get(id).remove(segmentId);
      }
    }
  }

  /** Removes every profile from the segment: the DELETE without {@code id:in}. */
  synchronized void removeAllFromSegment(UUID segmentId) {
    requireSegment(segmentId);
    removeFromSegment(segmentId, List.copyOf(profilesBySegment.getOrDefault(segmentId, Set.of())));
  }

  // ---- state API (fixtures): rule violations are IllegalArgumentException/IllegalStateException

  /** Creates a segment with a generated id; the name must be free and the store not full. */
  synchronized Segment createSegment(String name, String description) {
    return putSegment(freshId(), name, description);
  }

  /** Creates or replaces the segment with this id (keeping its memberships). */
  synchronized Segment putSegment(UUID id, String name, String description) {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(description, "description == null");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name is empty");
    }
    for (Segment other : segments.values()) {
      if (!other.id().equals(id) && other.name().equals(name)) {
        throw new IllegalArgumentException(
            "segment name '" + name + "' is already used by segment " + other.id());
      }
    }
    Segment old = segments.get(id);
    if (old == null && segments.size() >= Limits.MAX_SEGMENTS_PER_STORE) {
      throw new IllegalStateException(
          "the store already has " + Limits.MAX_SEGMENTS_PER_STORE + " segments, the most allowed");
    }
    Instant now = now();
    Segment segment = new Segment(id, name, description, old == null ? now : old.createdAt(), now);
    segments.put(id, segment);
    return segment;
  }

  /** Creates {@code count} segments with free generated names; returns their ids. */
  synchronized List<UUID> fillSegments(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 but was " + count);
    }
    if (segments.size() + count > Limits.MAX_SEGMENTS_PER_STORE) {
      throw new IllegalStateException(
          "the store has "
              + segments.size()
              + " segments; adding "
              + count
              + " would exceed "
              + Limits.MAX_SEGMENTS_PER_STORE);
    }
    Set<String> names = new HashSet<>();
    segments.values().forEach(s -> names.add(s.name()));
    List<UUID> ids = new ArrayList<>();
    for (int n = 1; ids.size() < count; n++) {
      String name = "Segment " + n;
      if (names.add(name)) {
        ids.add(createSegment(name, "").id());
      }
    }
    return List.copyOf(ids);
  }

  /** Creates or replaces the profile with this id; the customer must not have another profile. */
  synchronized ShopperProfile putShopperProfile(UUID id, long customerId) {
    requireNonNull(id, "id == null");
    if (customerId < 1) {
      throw new IllegalArgumentException("customerId must be >= 1 but was " + customerId);
    }
    for (ShopperProfile other : profiles.values()) {
      if (!other.id().equals(id) && other.customerId() == customerId) {
        throw new IllegalArgumentException(
            "customer " + customerId + " already has shopper profile " + other.id());
      }
    }
    ShopperProfile old = profiles.get(id);
    Instant now = now();
    ShopperProfile profile =
        new ShopperProfile(id, customerId, old == null ? now : old.createdAt(), now);
    profiles.put(id, profile);
    return profile;
  }

  /** Adds profiles to a segment, ignoring those already in it. */
  synchronized void link(UUID segmentId, Collection<UUID> profileIds) {
    if (!segments.containsKey(segmentId)) {
      throw new IllegalArgumentException("no segment " + segmentId);
    }
    for (UUID id : profileIds) {
      if (!profiles.containsKey(id)) {
        throw new IllegalArgumentException("no shopper profile " + id);
      }
    }
    for (UUID id : profileIds) {
      if (!profilesBySegment.getOrDefault(segmentId, Set.of()).contains(id)
          && segmentsByProfile.getOrDefault(id, Set.of()).size()
              >= Limits.MAX_SEGMENTS_PER_SHOPPER) {
        throw new IllegalStateException(
            "shopper profile " + id + " already belongs to " + Limits.MAX_SEGMENTS_PER_SHOPPER);
      }
    }
    profileIds.forEach(id -> link(segmentId, id));
  }

  private boolean link(UUID segmentId, UUID profileId) {
    boolean added =
        profilesBySegment.computeIfAbsent(segmentId, key -> new LinkedHashSet<>()).add(profileId);
    if (added) {
      segmentsByProfile.computeIfAbsent(profileId, key -> new LinkedHashSet<>()).add(segmentId);
    }
    return added;
  }

  private void requireSegment(UUID segmentId) {
    if (!segments.containsKey(segmentId)) {
      throw Problem.notFound("Segment not found");
    }
  }

  private UUID freshId() {
    UUID id;
    do {
      id = ids.get();
    } while (segments.containsKey(id) || profiles.containsKey(id));
    return id;
  }
}
