package io.github.segmentskit.limiter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisLimiterConfigTest {

  @Test
  void defaultsMatchTheClientsDefaultsAndLeaseIsRequestTimeoutPlusMargin() {
    RedisLimiterConfig config = RedisLimiterConfig.builder("abc123").build();
    assertThat(config.maxConcurrentRequests()).isEqualTo(10);
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.leaseMargin()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.lease()).isEqualTo(Duration.ofSeconds(35));
    assertThat(config.redisUri()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
    assertThat(config.keyPrefix()).isEqualTo("segments-kit:limiter");
    assertThat(config.fallbackLimit()).isEmpty();
    assertThat(config.fallbackRegistry()).isSameAs(ConcurrencyLimiterRegistry.shared());
  }

  @Test
  void theHandOffWindowIsHalfTheLeaseMarginAtMostAndZeroTurnsItOff() {
    assertThat(RedisLimiterConfig.builder("abc123").build().handOffWindow())
        .isEqualTo(Duration.ofMillis(500));
    assertThat(
            RedisLimiterConfig.builder("abc123")
                .leaseMargin(Duration.ofMillis(300))
                .build()
                .handOffWindow())
        .isEqualTo(Duration.ofMillis(150));
    assertThat(
            RedisLimiterConfig.builder("abc123")
                .leaseMargin(Duration.ofSeconds(10))
                .handOffWindow(Duration.ofSeconds(2))
                .build()
                .handOffWindow())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            RedisLimiterConfig.builder("abc123")
                .handOffWindow(Duration.ZERO)
                .build()
                .handOffWindow())
        .isZero();
    assertThatThrownBy(
            () -> RedisLimiterConfig.builder("abc123").handOffWindow(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handOffWindow");
    assertThatThrownBy(() -> RedisLimiterConfig.builder("abc123").handOffWindow(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void storeHashIsKeptInLowerCaseForTheKeys() {
    RedisLimiterConfig config = RedisLimiterConfig.builder("AbC123").build();
    assertThat(config.storeHash()).isEqualTo("abc123");
    assertThat(StoreKeys.of(config.keyPrefix(), config.storeHash()))
        .isEqualTo(
            new StoreKeys(
                "segments-kit:limiter:{abc123}:permits",
                "segments-kit:limiter:{abc123}:pause",
                "segments-kit:limiter:{abc123}:pause"));
  }

  @Test
  void rejectsBadValuesWithMessagesThatNameThem() {
    assertThatThrownBy(() -> RedisLimiterConfig.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("storeHash == null");
    assertThatThrownBy(() -> RedisLimiterConfig.builder("abc-123"))
        .hasMessageContaining("storeHash must be 1 to 64 letters and digits");
    RedisLimiterConfig.Builder builder = RedisLimiterConfig.builder("abc123");
    assertThatThrownBy(() -> builder.maxConcurrentRequests(0))
        .hasMessage("maxConcurrentRequests must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> builder.requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout must be between 1 ms and 1 hour");
    assertThatThrownBy(() -> builder.leaseMargin(Duration.ofMillis(99)))
        .hasMessageContaining("leaseMargin must be between 100 ms and 1 hour");
    assertThatThrownBy(() -> builder.redisUri(URI.create("http://redis:6379")))
        .hasMessageContaining("redis:// or rediss://");
    assertThatThrownBy(() -> builder.redisUri(URI.create("redis://redis:6379/x")))
        .hasMessageContaining("database number");
    assertThatThrownBy(() -> builder.keyPrefix("has space"))
        .hasMessageContaining("keyPrefix must be 1 to 100");
    assertThatThrownBy(() -> builder.keyPrefix("{tag}")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> builder.fallbackToLocal(0))
        .hasMessageContaining("perJvmLimit must be between 1 and 1000");
    assertThatThrownBy(() -> builder.commandTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("commandTimeout == null");
  }

  @Test
  void toStringShowsTheLeaseAndNeverThePassword() {
    RedisLimiterConfig config =
        RedisLimiterConfig.builder("abc123")
            .redisUri(URI.create("redis://user:s3cret@redis.internal:6380/2"))
            .requestTimeout(Duration.ofSeconds(10))
            .leaseMargin(Duration.ofSeconds(2))
            .fallbackToLocal(3)
            .build();
    assertThat(config.toString())
        .contains("lease=12000 ms (requestTimeout 10000 ms + margin 2000 ms)")
        .contains("redis=redis://redis.internal:6380")
        .contains("fallbackToLocal=3")
        .doesNotContain("s3cret")
        .doesNotContain("user");
  }
}
