package io.github.segmentskit.contract.pact.provider;

import static io.github.segmentskit.contract.pact.ProviderStates.RATE_LIMIT_USED_UP;

import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.simulator.FaultInjection;
import io.github.segmentskit.simulator.SegmentsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every pact the consumer tests wrote (both consumers), verified against the simulator on a random
 * loopback port. State handlers set the store up through the simulator's Java API.
 *
 * <p>A 429 is not a state of the store's data: interactions in state {@value
 * io.github.segmentskit.contract.pact.ProviderStates#RATE_LIMIT_USED_UP} go to a second simulator
 * that answers every request with 429 (its fault injection at 100 %).
 */
@Provider(Pacts.PROVIDER)
@PactFolder("target/pacts")
class SimulatorProviderVerificationIT {
  private static final String STORE = "abc123";

  private static SegmentsSimulator simulator;
  private static SegmentsSimulator rateLimited;

  @BeforeAll
  static void startSimulators() {
    simulator =
        SegmentsSimulator.builder()
            .modifyTokens(Pacts.MODIFY_TOKEN)
            .readOnlyTokens(Pacts.READ_ONLY_TOKEN)
            .build()
            .start();
    rateLimited =
        SegmentsSimulator.builder()
            .modifyTokens(Pacts.MODIFY_TOKEN)
            .readOnlyTokens(Pacts.READ_ONLY_TOKEN)
            .faults(FaultInjection.seeded(1).withTooManyRequests(1.0))
            .build()
            .start();
  }

  @AfterAll
  static void stopSimulators() {
    if (simulator != null) {
      simulator.close();
    }
    if (rateLimited != null) {
      rateLimited.close();
    }
  }

  @BeforeEach
  void before(PactVerificationContext context) {
    SimulatorStoreFixture store = new SimulatorStoreFixture(simulator.store(STORE));
    store.reset();
    SegmentsSimulator target =
        inState(context.getInteraction(), RATE_LIMIT_USED_UP) ? rateLimited : simulator;
    context.setTarget(new HttpTestTarget("127.0.0.1", target.port(), "/"));
    context.withStateChangeHandlers(new SegmentsProviderStates(store));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verifyInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }

  private static boolean inState(Interaction interaction, String state) {
    return interaction.getProviderStates().stream()
        .map(ProviderState::getName)
        .anyMatch(state::equals);
  }
}
