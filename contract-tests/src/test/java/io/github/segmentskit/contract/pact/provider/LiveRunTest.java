package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a live run owns, and when another run's segment counts as a leftover. */
class LiveRunTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final LiveRun run = LiveRun.withId("0a1b2c3d");

  @Test
  void namesItsSegmentsWithItsOwnPrefix() {
    assertThat(run.name("Wholesale buyers"))
        .isEqualTo("segments-kit-contract-0a1b2c3d-1-Wholesale buyers");
    assertThat(run.name("VIP")).isEqualTo("segments-kit-contract-0a1b2c3d-2-VIP");
    assertThat(run.owns("segments-kit-contract-0a1b2c3d-9-x")).isTrue();
    assertThat(run.owns("segments-kit-contract-0a1b2c3e-9-x")).isFalse();
    assertThat(run.owns(null)).isFalse();
  }

  @Test
  void startsEachRunWithItsOwnRandomId() {
    assertThat(LiveRun.start().id()).matches("[0-9a-f]{8}").isNotEqualTo(LiveRun.start().id());
    assertThrows(IllegalArgumentException.class, () -> LiveRun.withId("segments"));
  }

  @Test
  void anotherRunsSegmentIsALeftoverOnlyAfterAnHour() {
    String otherRuns = "segments-kit-contract-99999999-3-Wholesale buyers";

    assertThat(run.isLeftover(otherRuns, ago(Duration.ofMinutes(59)), NOW)).isFalse();
    assertThat(run.isLeftover(otherRuns, ago(Duration.ofMinutes(60)), NOW)).isFalse();
    assertThat(run.isLeftover(otherRuns, ago(Duration.ofMinutes(61)), NOW)).isTrue();
    assertThat(LiveRun.LEFTOVER_AGE).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void itsOwnSegmentsAreNeverLeftovers() {
    assertThat(run.isLeftover(run.name("x"), ago(Duration.ofDays(3)), NOW)).isFalse();
  }

  @Test
  void aSegmentNotNamedAsARunNamesItsIsNeverALeftover() {
    OffsetDateTime old = ago(Duration.ofDays(30));

    assertThat(run.isLeftover("segments-kit-contract-notes", old, NOW)).isFalse();
    assertThat(run.isLeftover("segments-kit-contract-ABCDEF12-1-x", old, NOW)).isFalse();
    assertThat(run.isLeftover("segments-kit-contract-9999999-1-x", old, NOW)).isFalse();
    assertThat(run.isLeftover("Wholesale buyers", old, NOW)).isFalse();
  }

  @Test
  void aSegmentWithoutCreatedAtIsNeverALeftover() {
    assertThat(run.isLeftover("segments-kit-contract-99999999-1-x", null, NOW)).isFalse();
  }

  private static OffsetDateTime ago(Duration age) {
    return NOW.minus(age).atOffset(ZoneOffset.UTC);
  }
}
