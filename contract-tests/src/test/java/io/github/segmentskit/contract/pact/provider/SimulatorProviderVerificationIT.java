package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pact the consumer tests wrote (both consumers), verified against the simulator on a random
 * loopback port. State handlers set the store up through the simulator's Java API, with ids the
 * simulator generates; the teardowns of the "is to be deleted / removed" states read the store back
 * and fail the interaction if the delete did not happen. {@code WrongProviderControlIT} shows the
 * same pacts failing against providers that get one thing wrong.
 *
 * <p>In state {@value io.github.segmentskit.contract.pact.ProviderStates#RATE_LIMIT_USED_UP} the
 * store is rate limited ({@code SimulatedStore.rateLimitFor}): it answers 429 after checking the
 * token, as a real store does.
 */
@Provider(Pacts.PROVIDER)
@PactFolder("target/pacts")
class SimulatorProviderVerificationIT {
  private static final String STORE = "abc123";

  private static SegmentsSimulator simulator;
  private static final AtomicInteger verified = new AtomicInteger();

  @BeforeAll
  static void startSimulators() {
    verified.set(0);
    simulator =
        SegmentsSimulator.builder()
            .modifyTokens(Pacts.MODIFY_TOKEN)
            .readOnlyTokens(Pacts.READ_ONLY_TOKEN)
            .build()
            .start();
  }

  @AfterAll
  static void stopSimulators() {
    if (simulator != null) {
      try {
        // State handlers work through the Java API: every request over HTTP is an interaction's,
        // and a pact describes one request each (no retry, not even of the 429).
        assertThat(simulator.metrics().requestsReceived())
            .as("requests the simulator received for %d interactions", verified.get())
            .isEqualTo(verified.get());
        assertThat(simulator.metrics().responses(429))
            .as("the rate-limited interaction, answered 429 once and not sent again")
            .isEqualTo(1);
      } finally {
        simulator.close();
      }
    }
  }

  @BeforeEach
  void before(PactVerificationContext context) {
    SimulatorStoreFixture store = new SimulatorStoreFixture(simulator.store(STORE));
    store.reset();
    context.setTarget(PactTargets.http("127.0.0.1", simulator.port()));
    context.withStateChangeHandlers(new SegmentsProviderStates(store));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verifyInteraction(PactVerificationContext context) {
    verified.incrementAndGet();
    context.verifyInteraction();
  }
}
