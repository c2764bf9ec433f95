package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.segmentskit.simulator.RateLimitWindow.Admission;
import io.github.segmentskit.simulator.RateLimitWindow.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitWindowTest {

  private static final Duration WINDOW = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));

  @Test
  void countsDownAndRefusesOnceAnEnforcedQuotaIsUsed() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 3, true);

    assertThat(window.admit().headers()).containsEntry(RateLimitWindow.LEFT, "2");
    clock.advance(Duration.ofMillis(400));
    assertThat(window.admit().headers()).containsEntry(RateLimitWindow.LEFT, "1");
    assertThat(window.admit().headers()).containsEntry(RateLimitWindow.LEFT, "0");
    clock.advance(Duration.ofMillis(600));
    Admission refused = window.admit();

    assertThat(refused.verdict()).isEqualTo(Verdict.OVER_QUOTA);
    assertThat(refused.headers())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                RateLimitWindow.WINDOW_MS, "30000",
                RateLimitWindow.RESET_MS, "29000",
                RateLimitWindow.QUOTA, "3",
                RateLimitWindow.LEFT, "0",
                RateLimitWindow.RETRY_AFTER, "29"));
  }

  @Test
  void resetsExactlyWhenTheWindowEnds() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 1, true);
    window.admit();

    clock.advance(WINDOW.minusMillis(1));
    Admission lastMillisecond = window.admit();
    clock.advance(Duration.ofMillis(1));
    Admission nextWindow = window.admit();

    assertThat(lastMillisecond.verdict()).isEqualTo(Verdict.OVER_QUOTA);
    assertThat(lastMillisecond.headers()).containsEntry(RateLimitWindow.RESET_MS, "1");
    assertThat(lastMillisecond.headers()).containsEntry(RateLimitWindow.RETRY_AFTER, "1");
    assertThat(nextWindow.verdict()).isEqualTo(Verdict.ADMITTED);
    assertThat(nextWindow.headers())
        .containsEntry(RateLimitWindow.RESET_MS, "30000")
        .containsEntry(RateLimitWindow.LEFT, "0");
  }

  @Test
  void aReportedQuotaRefusesNothing() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 2, false);

    window.admit();
    window.admit();
    Admission third = window.admit();

    assertThat(third.verdict()).isEqualTo(Verdict.ADMITTED);
    assertThat(third.headers())
        .containsEntry(RateLimitWindow.LEFT, "0")
        .doesNotContainKey(RateLimitWindow.RETRY_AFTER);
  }

  @Test
  void peekReportsWithoutCounting() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 5, true);

    assertThat(window.peek())
        .containsEntry(RateLimitWindow.LEFT, "5")
        .containsEntry(RateLimitWindow.RESET_MS, "30000");
    window.admit();
    clock.advance(Duration.ofSeconds(10));

    assertThat(window.peek())
        .containsEntry(RateLimitWindow.LEFT, "4")
        .containsEntry(RateLimitWindow.RESET_MS, "20000");
    assertThat(window.peek()).containsEntry(RateLimitWindow.LEFT, "4");
  }

  @Test
  void aBlockRefusesUntilItEndsThenAFreshWindowOpens() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 150, false);
    window.admit();

    window.block(Duration.ofMillis(2500));
    clock.advance(Duration.ofMillis(1000));
    Admission blocked = window.admit();
    Map<String, String> peeked = window.peek();
    clock.advance(Duration.ofMillis(1500));
    Admission after = window.admit();

    assertThat(blocked.verdict()).isEqualTo(Verdict.RATE_LIMITED);
    assertThat(blocked.headers())
        .containsEntry(RateLimitWindow.RESET_MS, "1500")
        .containsEntry(RateLimitWindow.LEFT, "0")
        .containsEntry(RateLimitWindow.RETRY_AFTER, "2")
        .containsEntry(RateLimitWindow.QUOTA, "150");
    assertThat(peeked)
        .containsEntry(RateLimitWindow.RESET_MS, "1500")
        .containsEntry(RateLimitWindow.LEFT, "0");
    assertThat(after.verdict()).isEqualTo(Verdict.ADMITTED);
    assertThat(after.headers()).containsEntry(RateLimitWindow.LEFT, "149");
  }

  @Test
  void unblockAndResetEndABlockAtOnce() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 2, true);
    window.block(Duration.ofMinutes(5));
    window.unblock();
    assertThat(window.admit().verdict()).isEqualTo(Verdict.ADMITTED);

    window.admit();
    window.block(Duration.ofMinutes(5));
    window.reset();

    assertThat(window.admit().headers()).containsEntry(RateLimitWindow.LEFT, "1");
  }

  @Test
  void aClockThatGoesBackOpensANewWindow() {
    RateLimitWindow window = new RateLimitWindow(clock, WINDOW, 1, true);
    window.admit();

    clock.advance(Duration.ofSeconds(-5));

    assertThat(window.admit().verdict()).isEqualTo(Verdict.ADMITTED);
  }

  @Test
  void rejectsAnEmptyWindowQuotaOrBlock() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitWindow(clock, Duration.ZERO, 1, true))
        .withMessage("window must be at least 1 ms but was PT0S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitWindow(clock, WINDOW, 0, true))
        .withMessage("quota must be >= 1 but was 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateLimitWindow(clock, WINDOW, 1, true).block(Duration.ofNanos(10)))
        .withMessageStartingWith("duration must be at least 1 ms");
  }
}
