package io.github.segmentskit.contract.pact.provider;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import io.github.segmentskit.contract.pact.Pacts;
import io.github.segmentskit.simulator.SegmentsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pacts verified against a {@link WrongProvider} in front of a simulator: the fault comes from
 * system property {@value #FAULT}, the simulator's status for {@code PUT /segments} from {@value
 * #PUT_STATUS} (201 unless set). Provider states and their teardowns work on the simulator itself,
 * so a teardown sees what the wrong provider really did. Run by {@code WrongProviderControlIT}, not
 * on its own (its name ends in neither Test nor IT).
 */
@Provider(Pacts.PROVIDER)
@PactSource(KnownConsumersPactLoader.class)
class WrongProviderVerification {
  static final String FAULT = "wrongProvider.fault";
  static final String PUT_STATUS = "wrongProvider.putStatus";
  private static final String STORE = "abc123";

  private static SegmentsSimulator simulator;
  private static WrongProvider provider;

  @BeforeAll
  static void start() {
    simulator =
        SegmentsSimulator.builder()
            .modifyTokens(Pacts.MODIFY_TOKEN)
            .readOnlyTokens(Pacts.READ_ONLY_TOKEN)
            .putSegmentsStatus(Integer.parseInt(System.getProperty(PUT_STATUS, "201")))
            .build()
            .start();
    provider =
        WrongProvider.start(
            simulator.rootUri(), WrongProvider.Fault.valueOf(System.getProperty(FAULT, "NONE")));
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  @BeforeEach
  void before(PactVerificationContext context) {
    SimulatorStoreFixture store = new SimulatorStoreFixture(simulator.store(STORE));
    store.reset();
    context.setTarget(PactTargets.http("127.0.0.1", provider.port()));
    context.withStateChangeHandlers(new SegmentsProviderStates(store));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verifyInteraction(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
