package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.simulator.Segment;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.ShopperProfile;
import io.github.segmentskit.simulator.SimulatedStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live run's ownership, against the simulator standing in for a real store: cleanup by run, the
 * sweep of old leftovers only, real shopper profiles lent only where allowed, and the shutdown hook
 * of an interrupted run (in a child JVM that is stopped mid-run).
 */
class LiveStoreFixtureTest {
  private static final String STORE = "fixturestore";
  private static final String TOKEN = "fixture-token";
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private final SettableClock clock = new SettableClock(NOW);
  private SegmentsSimulator simulator;
  private SimulatedStore store;
  private SegmentsClient client;

  @BeforeEach
  void start() {
    simulator = SegmentsSimulator.builder().modifyTokens(TOKEN).clock(clock).build().start();
    store = simulator.store(STORE);
    client = client(simulator);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void cleansUpOnlyTheSegmentsOfItsOwnRun() {
    UUID storesOwn = store.createSegment("segments-kit-contract-notes", "");
    UUID concurrentRuns = store.createSegment("segments-kit-contract-99999999-1-x", "");
    LiveStoreFixture fixture = fixture("0a1b2c3d");
    fixture.createSegment("Wholesale buyers");
    // a replayed create: named by the run, id unknown to it
    client
        .segments()
        .create(List.of(new SegmentPost().name(fixture.run().name("Loyal Customers"))))
        .execute();

    fixture.cleanUp();

    assertThat(store.segments())
        .extracting(Segment::id)
        .containsExactlyInAnyOrder(storesOwn, concurrentRuns);
    assertThat(fixture.run().createdSegments()).isEmpty();
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  @Test
  void sweepsOnlyOtherRunsSegmentsOlderThanAnHour() {
    clock.set(NOW.minus(Duration.ofHours(2)));
    UUID oldLeftover = store.createSegment("segments-kit-contract-99999999-1-Wholesale buyers", "");
    UUID storesOld = store.createSegment("segments-kit-contract-notes", "");
    UUID storesOldToo = store.createSegment("Wholesale buyers", "");
    clock.set(NOW.minus(Duration.ofMinutes(10)));
    UUID runningRuns = store.createSegment("segments-kit-contract-88888888-1-Wholesale buyers", "");
    clock.set(NOW);
    LiveStoreFixture fixture = fixture("0a1b2c3d");
    UUID ownRuns = fixture.createSegment("VIP").id();

    List<String> swept = fixture.sweepLeftovers();

    assertThat(swept).containsExactly("segments-kit-contract-99999999-1-Wholesale buyers");
    assertThat(store.segments())
        .extracting(Segment::id)
        .doesNotContain(oldLeftover)
        .containsExactlyInAnyOrder(storesOld, storesOldToo, runningRuns, ownRuns);
  }

  @Test
  void lendsARealShopperProfileOnlyToAnInteractionAllowedOne() {
    UUID real = store.createShopperProfile(77);
    LiveStoreFixture fixture = fixture("0a1b2c3d");
    fixture.survey(false);

    fixture.lendFor(0);
    UUID notLent = fixture.shopperProfile(0, false);
    fixture.lendFor(1);
    UUID lent = fixture.shopperProfile(0, false);
    UUID beyondTheAllowance = fixture.shopperProfile(1, false);

    assertThat(notLent).isNotEqualTo(real);
    assertThat(store.shopperProfile(notLent)).isEmpty();
    assertThat(fixture.run().lentShopperProfile(notLent)).isFalse();
    assertThat(lent).isEqualTo(real);
    assertThat(fixture.run().lentShopperProfile(real)).isTrue();
    assertThat(store.shopperProfile(beyondTheAllowance)).isEmpty();
  }

  @Test
  void addsOnlyLentProfilesToSegmentsOfItsRun() {
    UUID real = store.createShopperProfile(77);
    UUID storesSegment = store.createSegment("Wholesale buyers", "");
    LiveStoreFixture fixture = fixture("0a1b2c3d");
    fixture.survey(false);
    UUID ownSegment = fixture.createSegment("VIP").id();

    assertThrows(IllegalStateException.class, () -> fixture.addToSegment(ownSegment, real));
    fixture.lendFor(1);
    UUID lent = fixture.shopperProfile(0, false);
    assertThrows(IllegalStateException.class, () -> fixture.addToSegment(storesSegment, lent));
    fixture.addToSegment(ownSegment, lent);

    assertThat(store.shopperProfilesIn(storesSegment)).isEmpty();
    assertThat(store.shopperProfilesIn(ownSegment)).extracting(ShopperProfile::id).contains(real);
  }

  @Test
  void findsAShopperProfileInNoSegment() {
    UUID member = store.createShopperProfile(77);
    UUID free = store.createShopperProfile(78);
    store.addToSegment(store.createSegment("Wholesale buyers", ""), member);
    LiveStoreFixture fixture = fixture("0a1b2c3d");

    LiveAllowList.Store offers = fixture.survey(true);
    fixture.lendFor(1);

    assertThat(offers).isEqualTo(new LiveAllowList.Store(true, 2, true));
    assertThat(fixture.shopperProfile(0, true)).isEqualTo(free);
  }

  @Test
  void anInterruptedRunDeletesItsSegmentsSoNoProfileIsLeftInOne() throws Exception {
    UUID real = store.createShopperProfile(77);
    UUID storesSegment = store.createSegment("Wholesale buyers", "");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                InterruptedRun.class.getName(),
                simulator.baseUri(STORE).toString(),
                TOKEN)
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = output.readLine();
      } while (line != null && !line.startsWith("READY"));
      assertThat(line).as("the child run set its state up").isNotNull();
      assertThat(store.segmentsOf(real)).hasSize(1);

      child.destroy(); // SIGTERM, as Ctrl-C or a CI timeout would stop it
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(store.segmentsOf(real)).isEmpty();
    assertThat(store.segments()).extracting(Segment::id).containsExactly(storesSegment);
    assertThat(store.shopperProfiles()).extracting(ShopperProfile::id).containsExactly(real);
    assertThat(simulator.metrics().deleteAllRequests()).isZero();
  }

  private LiveStoreFixture fixture(String runId) {
    return new LiveStoreFixture(client, LiveRun.withId(runId), clock);
  }

  private static SegmentsClient client(SegmentsSimulator simulator) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken(TOKEN)
        .baseUri(simulator.baseUri(STORE))
        .build();
  }

  /**
   * Run in the child JVM: a live run that installs its shutdown hook, lends the store's profile to
   * a state that adds it to one of the run's segments, prints READY and waits to be stopped.
   */
  public static final class InterruptedRun {
    private InterruptedRun() {}

    public static void main(String[] args) throws InterruptedException {
      SegmentsClient client =
          SegmentsClient.builder()
              .storeHash(STORE)
              .accessToken(args[1])
              .baseUri(java.net.URI.create(args[0]))
              .build();
      LiveStoreFixture fixture = new LiveStoreFixture(client, LiveRun.start(), Clock.systemUTC());
      fixture.installShutdownHook();
      fixture.survey(false);
      fixture.lendFor(1);
      new SegmentsProviderStates(fixture).shopperProfileInSegment();
      System.out.println("READY");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }

  /** A clock a test sets by hand (the simulator's {@code created_at} and the fixture's now). */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
