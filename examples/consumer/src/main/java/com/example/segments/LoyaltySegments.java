package com.example.segments;

import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a team integrating with BigCommerce writes: keep the store's loyalty tiers as segments.
 * Creates the tiers that are missing, renames the descriptions of those that exist, and retires
 * tiers that are gone — deleting only by id.
 */
public final class LoyaltySegments {
  private final SegmentsClient client;

  public LoyaltySegments(SegmentsClient client) {
    this.client = client;
  }

  /** Makes the store's segments match {@code tiers} (name -> description); returns them by name. */
  public Map<String, Segment> sync(Map<String, String> tiers) {
    Map<String, Segment> existing =
        client.segments().stream(250).collect(Collectors.toMap(Segment::getName, s -> s));

    List<SegmentPost> missing =
        tiers.entrySet().stream()
            .filter(tier -> !existing.containsKey(tier.getKey()))
            .map(tier -> new SegmentPost().name(tier.getKey()).description(tier.getValue()))
            .toList();
    if (!missing.isEmpty()) {
      client.segments().create(missing).execute();
    }

    List<SegmentPut> changed =
        tiers.entrySet().stream()
            .filter(tier -> existing.containsKey(tier.getKey()))
            .filter(tier -> !tier.getValue().equals(existing.get(tier.getKey()).getDescription()))
            .map(tier -> new SegmentPut().id(existing.get(tier.getKey()).getId()).description(tier.getValue()))
            .toList();
    if (!changed.isEmpty()) {
      client.segments().update(changed).execute();
    }

    List<UUID> retired =
        existing.values().stream()
            .filter(segment -> !tiers.containsKey(segment.getName()))
            .map(Segment::getId)
            .toList();
    if (!retired.isEmpty()) {
      client.segments().delete(retired).execute().orThrow(); // by id only, never "delete all"
    }

    return client.segments().stream(250).collect(Collectors.toMap(Segment::getName, s -> s));
  }

  /** Runs one sync against the store named by the environment and prints the result. */
  public static void main(String[] args) {
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(System.getenv("BIGCOMMERCE_STORE_HASH"))
            .accessToken(System.getenv("BIGCOMMERCE_ACCESS_TOKEN"))
            .build()) {
      Map<String, Segment> segments =
          new LoyaltySegments(client)
              .sync(Map.of("Gold", "Over 1000 points", "Silver", "Over 250 points"));
      segments.forEach((name, segment) -> System.out.println(name + " -> " + segment.getId()));
    } catch (SegmentsException e) {
      System.err.println("sync failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
