package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.segmentskit.simulator.Operation;
import io.github.segmentskit.simulator.Segment;
import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.ShopperProfile;
import io.github.segmentskit.simulator.SimulatedStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The {@code -Plive} verification, run in every build with the simulator standing in for the real
 * store: {@code BIGCOMMERCE_API_URL} points at it, given as system properties (which win over the
 * environment). Proves the live rules: the store's own data survives, only segments with the kit's
 * prefix are created and all of them are deleted, by id, and no delete without {@code id:in} is
 * ever sent.
 */
class LiveStoreVerificationAgainstSimulatorIT {
  private static final String STORE = "livestore1";
  private static final String MODIFY_TOKEN = "live-modify-token";
  private static final String READ_ONLY_TOKEN = "live-read-only-token";

  /**
   * Interactions {@link LiveSafety} skips on a real store: delete every segment, delete a shopper
   * profile, 1000 segments, rate limit used up, create a shopper profile, the raw probe's write.
   */
  private static final int SKIPPED_ON_A_REAL_STORE = 6;

  @Test
  void createsOnlyPrefixedSegmentsAndDeletesThemAllById() {
    try (SegmentsSimulator simulator =
        SegmentsSimulator.builder()
            .modifyTokens(MODIFY_TOKEN)
            .readOnlyTokens(READ_ONLY_TOKEN)
            .build()
            .start()) {
      SimulatedStore store = simulator.store(STORE);
      UUID storesOwnSegment = store.createSegment("Wholesale buyers", "The store's own segment.");
      UUID storesOwnProfile = store.createShopperProfile(77);

      TestExecutionSummary summary =
          runWith(
              Map.of(
                  LiveStoreConfig.STORE_HASH, STORE,
                  LiveStoreConfig.ACCESS_TOKEN, MODIFY_TOKEN,
                  LiveStoreConfig.READ_ONLY_TOKEN, READ_ONLY_TOKEN,
                  LiveStoreConfig.API_URL, simulator.rootUri().toString()));

      assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
      assertThat(SKIPS).hasSize(SKIPPED_ON_A_REAL_STORE);
      assertThat(summary.getTestsAbortedCount()).isEqualTo(SKIPPED_ON_A_REAL_STORE);
      assertThat(summary.getTestsSucceededCount())
          .isEqualTo(summary.getTestsFoundCount() - SKIPPED_ON_A_REAL_STORE)
          .isGreaterThanOrEqualTo(15);
      assertThat(store.segments()).extracting(Segment::id).containsExactly(storesOwnSegment);
      assertThat(store.shopperProfiles())
          .extracting(ShopperProfile::id)
          .containsExactly(storesOwnProfile);
      assertThat(simulator.metrics().deleteAllRequests()).isZero();
      assertThat(simulator.metrics().requests(Operation.SEGMENTS_POST_REQUEST)).isPositive();
      assertThat(simulator.metrics().requests(Operation.DELETE_STORE_SEGMENT)).isPositive();
    }
  }

  /** Why each skipped interaction was skipped, as the nested run reported it. */
  private static final List<String> SKIPS = new CopyOnWriteArrayList<>();

  private static TestExecutionSummary runWith(Map<String, String> properties) {
    properties.forEach(System::setProperty);
    try {
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      TestExecutionListener skips =
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
              if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                String reason = result.getThrowable().map(Throwable::getMessage).orElse("?");
                SKIPS.add(reason);
                System.out.println(reason);
              }
            }
          };
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(LiveStoreVerification.class))
                  .build(),
              listener,
              skips);
      return listener.getSummary();
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  private static String failures(TestExecutionSummary summary) {
    StringWriter text = new StringWriter();
    summary.printFailuresTo(new PrintWriter(text), 20);
    return text.toString();
  }
}
