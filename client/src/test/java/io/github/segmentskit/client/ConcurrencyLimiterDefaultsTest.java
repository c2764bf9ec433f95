package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConcurrencyLimiterDefaultsTest {

  /** Records the pauses it is asked for. */
  private static final class Recording implements ConcurrencyLimiter {
    final List<Duration> pauses = new ArrayList<>();

    @Override
    public Optional<Permit> acquire(Duration timeout) {
      return Optional.empty();
    }

    @Override
    public void onRateLimited(Duration resetAfter) {
      pauses.add(resetAfter);
    }

    @Override
    public int maxConcurrentRequests() {
      return 10;
    }
  }

  @Test
  void defaultOnQuotaPausesOnlyWhenNoRequestIsLeft() {
    Recording limiter = new Recording();
    limiter.onQuota(5, Duration.ofSeconds(3));
    limiter.onQuota(1, Duration.ofSeconds(2));
    assertThat(limiter.pauses).isEmpty();
    limiter.onQuota(0, Duration.ofSeconds(1));
    assertThat(limiter.pauses).containsExactly(Duration.ofSeconds(1));
  }
}
