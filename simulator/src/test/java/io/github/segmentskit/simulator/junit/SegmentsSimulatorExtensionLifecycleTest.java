package io.github.segmentskit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.SimulatedStore;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs sample test classes (the static nested classes below, which Surefire does not run on their
 * own) with the JUnit Platform launcher, and checks what the extension did around them.
 */
@Timeout(60)
class SegmentsSimulatorExtensionLifecycleTest {

  /** A simulator a sample test saw, and the base URI it served. */
  record Seen(SegmentsSimulator simulator, URI baseUri) {}

  static final List<Seen> seen = new CopyOnWriteArrayList<>();

  @Test
  void oneSimulatorServesTheClassAndIsStoppedAfterIt() throws Exception {
    assertThat(run(StaticSample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).simulator()).isSameAs(seen.get(0).simulator());
    assertStopped(seen.get(0));
  }

  @Test
  void onAnInstanceFieldEachTestGetsItsOwnSimulator() throws Exception {
    assertThat(run(InstanceSample.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).simulator()).isNotSameAs(seen.get(0).simulator());
    assertStopped(seen.get(0));
    assertStopped(seen.get(1));
  }

  @Test
  void extendWithResolvesParametersAndStopsAfterTheClass() throws Exception {
    assertThat(run(ExtendWithSample.class).getTestsSucceededCount()).isEqualTo(1);

    assertThat(seen).hasSize(1);
    assertStopped(seen.get(0));
  }

  @Test
  void resetBeforeEachGivesEveryTestEmptyStoresAndMetrics() {
    TestExecutionSummary summary = run(ResetSample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void withoutResetTheStateCarriesOverToTheNextTest() {
    TestExecutionSummary summary = run(NoResetSample.class);

    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void outsideATestTheAccessorsSaySoInsteadOfStartingAServer() {
    SegmentsSimulatorExtension extension = SegmentsSimulatorExtension.create();

    assertThatIllegalStateException()
        .isThrownBy(extension::baseUri)
        .withMessageStartingWith("the simulator is not running");
  }

  @Test
  void handsOutTheChosenTokenAmongSeveral() {
    SegmentsSimulatorExtension several =
        SegmentsSimulatorExtension.create(
            SegmentsSimulator.builder().modifyTokens("first", "second").config());

    assertThatIllegalStateException()
        .isThrownBy(several::token)
        .withMessageContaining("2 modify tokens");
    assertThat(several.withToken("second").token()).isEqualTo("second");
    assertThat(
            SegmentsSimulatorExtension.create(
                    SegmentsSimulator.builder().modifyTokens("only").config())
                .token())
        .isEqualTo("only");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> several.withToken("third"))
        .withMessage("token is not one of the configuration's modify tokens");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> several.withStoreHash("a/b"))
        .withMessageContaining("store hash");
    assertThatThrownBy(() -> SegmentsSimulatorExtension.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("config == null");
  }

  private static TestExecutionSummary run(Class<?> sample) {
    seen.clear();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(),
            listener);
    return listener.getSummary();
  }

  private static void assertStopped(Seen seen) {
    assertThat(seen.simulator().isRunning()).isFalse();
    URI uri = URI.create(seen.baseUri() + "/segments");
    assertThatThrownBy(() -> Get.send(uri, "simulator-token")).isInstanceOf(ConnectException.class);
  }

  static class StaticSample {
    @RegisterExtension
    static final SegmentsSimulatorExtension simulator = SegmentsSimulatorExtension.create();

    @Test
    void first() throws Exception {
      record(simulator);
    }

    @Test
    void second() throws Exception {
      record(simulator);
    }
  }

  static class InstanceSample {
    @RegisterExtension
    final SegmentsSimulatorExtension simulator = SegmentsSimulatorExtension.create();

    @Test
    void first() throws Exception {
      record(simulator);
    }

    @Test
    void second() throws Exception {
      record(simulator);
    }
  }

  @ExtendWith(SegmentsSimulatorExtension.class)
  static class ExtendWithSample {
    @Test
    void getsParameters(SimulatorEndpoint endpoint, SegmentsSimulator server) throws Exception {
      assertThat(
              Get.send(URI.create(endpoint.baseUri() + "/segments"), endpoint.token()).statusCode())
          .isEqualTo(200);
      seen.add(new Seen(server, endpoint.baseUri()));
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetSample {
    @RegisterExtension
    static final SegmentsSimulatorExtension simulator =
        SegmentsSimulatorExtension.create().resetBeforeEach();

    @Test
    @Order(1)
    void writes(SimulatedStore store) throws Exception {
      store.createSegment("Wholesale", "");
      Get.send(URI.create(simulator.baseUri() + "/segments"), simulator.token());
    }

    @Test
    @Order(2)
    void findsNothing(SimulatedStore store, SegmentsSimulator server) {
      assertThat(store.segments()).isEmpty();
      assertThat(server.metrics().requestsReceived()).isZero();
    }
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoResetSample {
    @RegisterExtension
    static final SegmentsSimulatorExtension simulator = SegmentsSimulatorExtension.create();

    @Test
    @Order(1)
    void writes(SimulatedStore store) {
      store.createSegment("Wholesale", "");
    }

    @Test
    @Order(2)
    void findsIt(SimulatedStore store) {
      assertThat(store.segments()).hasSize(1);
    }
  }

  private static void record(SegmentsSimulatorExtension simulator) throws Exception {
    assertThat(
            Get.send(URI.create(simulator.baseUri() + "/segments"), simulator.token()).statusCode())
        .isEqualTo(200);
    seen.add(new Seen(simulator.simulator(), simulator.baseUri()));
  }
}
