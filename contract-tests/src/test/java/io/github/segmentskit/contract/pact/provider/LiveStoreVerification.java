package io.github.segmentskit.contract.pact.provider;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junit5.TestTarget;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactSource;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.contract.pact.Pacts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pacts verified against a real store ({@link LiveStoreConfig}: {@code BIGCOMMERCE_STORE_HASH},
 * {@code BIGCOMMERCE_ACCESS_TOKEN} ...). Runs only with {@code -Plive} (its name ends in neither
 * Test nor IT), after every simulator-side check passed; {@code
 * LiveStoreVerificationAgainstSimulatorIT} and {@code LiveGuardsAgainstSimulatorIT} run it in every
 * build against the simulator standing in for the store. Layers, in order:
 *
 * <ol>
 *   <li>{@link SimulatorChecksGate}: no start unless this build's simulator-side checks passed
 *       (skipped only when the store is on a loopback address, i.e. a simulator);
 *   <li>{@link KnownConsumersPactLoader}: pacts of unknown consumers are not even loaded;
 *   <li>{@link LiveAllowList}: only known (consumer, operation, states) run, the rest is skipped
 *       visibly; an entry says how many of the store's shopper profiles the states may be lent;
 *   <li>{@link LiveStoreFixture}: the run's own segments, real profiles only where allowed;
 *   <li>{@link LiveRequestGuard}: the request as it is about to be sent; a refusal fails the
 *       interaction and nothing is sent.
 * </ol>
 *
 * <p>Each request is moved to the store (its {@code /stores/abc123/v3} to the configured store) and
 * its consumer token replaced by the configured one.
 */
@Provider(Pacts.PROVIDER)
@PactSource(KnownConsumersPactLoader.class)
class LiveStoreVerification {
  private static final String PACT_BASE_PATH = "/stores/abc123/v3";

  private static LiveStoreConfig config;
  private static SegmentsClient client;
  private static LiveStoreFixture store;
  private static LiveAllowList.Store offers;

  @BeforeAll
  static void connect() {
    config =
        LiveStoreConfig.fromSystem()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "-Plive needs "
                            + LiveStoreConfig.STORE_HASH
                            + " and "
                            + LiveStoreConfig.ACCESS_TOKEN
                            + " (see docs/contracts.md)"));
    if (!config.isLoopback()) {
      SimulatorChecksGate.requirePassed(
          Path.of(
              System.getProperty(SimulatorChecksGate.FAILSAFE_REPORTS, "target/failsafe-reports")),
          Path.of(
              System.getProperty(SimulatorChecksGate.SUREFIRE_REPORTS, "target/surefire-reports")),
          Pacts.directory());
    }
    client =
        SegmentsClient.builder()
            .storeHash(config.storeHash())
            .accessToken(config.accessToken())
            .baseUri(config.baseUri())
            .build();
    store = new LiveStoreFixture(client, LiveRun.start(), Clock.systemUTC());
    store.installShutdownHook();
    List<String> swept = store.sweepLeftovers();
    if (!swept.isEmpty()) {
      System.out.println("live run " + store.run().id() + " swept old leftovers: " + swept);
    }
    offers = store.survey(config.readOnlyToken().isPresent());
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      try {
        store.cleanUp();
        store.removeShutdownHook();
      } finally {
        client.close();
      }
    }
  }

  @BeforeEach
  void before(PactVerificationContext context) {
    store.lendFor(0);
    LiveAllowList.Decision decision = LiveAllowList.decide(interaction(context), offers);
    assumeTrue(
        decision.runs(),
        () ->
            "skipped on a real store: '"
                + context.getInteraction().getDescription()
                + "': "
                + decision.skipReason());
    store.lendFor(decision.entry().orElseThrow().profiles().lent());
    store.reset();
    context.setTarget(target(config.apiUrl()));
    context.withStateChangeHandlers(new SegmentsProviderStates(store));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verifyInteraction(PactVerificationContext context, ClassicHttpRequest request) {
    String path = request.getPath();
    if (path.startsWith(PACT_BASE_PATH)) {
      request.setPath(config.basePath() + path.substring(PACT_BASE_PATH.length()));
    }
    Header token = request.getFirstHeader("X-Auth-Token");
    if (token != null && token.getValue().equals(Pacts.MODIFY_TOKEN)) {
      request.setHeader("X-Auth-Token", config.accessToken());
    } else if (token != null && token.getValue().equals(Pacts.READ_ONLY_TOKEN)) {
      request.setHeader("X-Auth-Token", config.readOnlyToken().orElseThrow());
    }
    Optional<String> refusal =
        LiveRequestGuard.refusal(SentRequest.of(request), config.basePath(), store.run());
    if (refusal.isPresent()) {
      throw new AssertionError("live request guard " + refusal.get());
    }
    context.verifyInteraction();
  }

  @AfterEach
  void cleanUp() {
    store.lendFor(0);
    store.cleanUp();
  }

  private static TestTarget target(URI apiUrl) {
    int port = apiUrl.getPort();
    if (apiUrl.getScheme().equalsIgnoreCase("https")) {
      return PactTargets.https(apiUrl.getHost(), port < 0 ? 443 : port);
    }
    return PactTargets.http(apiUrl.getHost(), port < 0 ? 80 : port);
  }

  private static LiveAllowList.Interaction interaction(PactVerificationContext context) {
    Interaction interaction = context.getInteraction();
    IRequest request = interaction.asSynchronousRequestResponse().getRequest();
    List<String> tokens = request.getHeaders().getOrDefault("X-Auth-Token", List.of());
    return new LiveAllowList.Interaction(
        context.getConsumer().getName(),
        request.getMethod(),
        request.getPath(),
        interaction.getProviderStates().stream().map(ProviderState::getName).toList(),
        tokens.isEmpty() ? null : tokens.get(0));
  }
}
