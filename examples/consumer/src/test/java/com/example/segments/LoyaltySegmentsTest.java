package com.example.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example runs against the kit's simulator on loopback: no store, no network. */
class LoyaltySegmentsTest {
  private static final String TOKEN = "example-token";

  private SegmentsSimulator simulator;
  private SegmentsClient client;

  @BeforeEach
  void start() {
    simulator = SegmentsSimulator.builder().port(0).modifyTokens(TOKEN).build().start();
    client = clientWithToken(TOKEN);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void createsMissingTiersUpdatesChangedOnesAndRetiresTheRestById() {
    simulator.store("abc123").createSegment("Bronze", "Retired tier");
    simulator.store("abc123").createSegment("Gold", "Old description");

    Map<String, Segment> segments =
        new LoyaltySegments(client)
            .sync(Map.of("Gold", "Over 1000 points", "Silver", "Over 250 points"));

    assertEquals(2, segments.size());
    assertEquals("Over 1000 points", segments.get("Gold").getDescription());
    assertEquals("Over 250 points", segments.get("Silver").getDescription());
    assertFalse(segments.containsKey("Bronze"));
    assertEquals(0, simulator.metrics().deleteAllRequests(), "never a DELETE without id:in");
  }

  @Test
  void aWrongTokenIsATypedError() {
    try (SegmentsClient wrong = clientWithToken("not-the-token")) {
      assertThrows(UnauthorizedException.class, () -> new LoyaltySegments(wrong).sync(Map.of()));
    }
  }

  private SegmentsClient clientWithToken(String token) {
    return SegmentsClient.builder()
        .storeHash("abc123")
        .accessToken(token)
        .baseUri(simulator.baseUri("abc123"))
        .build();
  }
}
