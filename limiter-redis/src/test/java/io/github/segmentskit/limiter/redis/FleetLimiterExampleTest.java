package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The example of the module's README, run against the simulator and a real Redis. */
class FleetLimiterExampleTest {

  @Test
  void theReadmeExampleRenamesASegmentThroughTheFleetLimiter() {
    try (TestRedis redis = TestRedis.start();
        SegmentsSimulator simulator = SegmentsSimulator.builder().port(0).build().start()) {
      UUID id = simulator.store("abc123").createSegment("Wholesale", "");
      URI redisUri = redis.uri(); // e.g. redis://redis.internal:6379
      URI baseUri = simulator.baseUri("abc123"); // default: https://api.bigcommerce.com/...
      String token = "simulator-token"; // System.getenv("BIGCOMMERCE_ACCESS_TOKEN")

      // --- the README example, as written there ---
      Duration requestTimeout = Duration.ofSeconds(30);
      RedisLimiterConfig config =
          RedisLimiterConfig.builder("abc123")
              .redisUri(redisUri)
              .maxConcurrentRequests(10) // for the whole fleet
              .requestTimeout(requestTimeout) // the same as the client's: the lease is 30 s + 5 s
              .build();
      try (RedisConcurrencyLimiter limiter = RedisConcurrencyLimiter.connect(config);
          SegmentsClient client =
              SegmentsClient.builder()
                  .storeHash("abc123")
                  .accessToken(token)
                  .baseUri(baseUri)
                  .requestTimeout(requestTimeout)
                  .concurrencyLimiter(limiter)
                  .build()) {
        List<Segment> updated =
            client
                .segments()
                .update(List.of(new SegmentPut().id(id).name("Wholesale and trade")))
                .execute();
        // --- end of the example ---
        assertThat(updated).extracting(Segment::getName).containsExactly("Wholesale and trade");
        assertThat(client.concurrencyLimiter()).isSameAs(limiter);
        assertThat(limiter.maxConcurrentRequests()).isEqualTo(10);
      }
    }
  }
}
