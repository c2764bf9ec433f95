package io.github.segmentskit.contract.pact.provider;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junit5.TestTarget;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.contract.pact.Pacts;
import java.net.URI;
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
 * Test nor IT); {@code LiveStoreVerificationAgainstSimulatorIT} runs it in every build against the
 * simulator standing in for the store.
 *
 * <p>Each request is moved to the store (its {@code /stores/abc123/v3} to the configured store) and
 * its consumer token replaced by the configured one. {@link LiveSafety} skips, visibly, what must
 * not run on a real store; {@link LiveStoreFixture} creates and deletes only the kit's segments.
 */
@Provider(Pacts.PROVIDER)
@PactFolder("target/pacts")
class LiveStoreVerification {
  private static final String PACT_BASE_PATH = "/stores/abc123/v3";

  private static LiveStoreConfig config;
  private static SegmentsClient client;
  private static LiveStoreFixture store;

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
    client =
        SegmentsClient.builder()
            .storeHash(config.storeHash())
            .accessToken(config.accessToken())
            .baseUri(config.baseUri())
            .build();
    store = new LiveStoreFixture(client);
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      try {
        store.cleanUp();
      } finally {
        client.close();
      }
    }
  }

  @BeforeEach
  void before(PactVerificationContext context) {
    Optional<String> skip =
        LiveSafety.skipReason(
            summary(context),
            config.readOnlyToken().isPresent(),
            !needsShopperProfile(context.getInteraction()) || store.hasShopperProfile());
    assumeTrue(
        skip.isEmpty(),
        () ->
            "skipped on a real store: '"
                + context.getInteraction().getDescription()
                + "': "
                + skip.orElse(""));
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
    context.verifyInteraction();
  }

  @AfterEach
  void cleanUp() {
    store.cleanUp();
  }

  private static TestTarget target(URI apiUrl) {
    int port = apiUrl.getPort();
    if (apiUrl.getScheme().equalsIgnoreCase("https")) {
      return new HttpsTestTarget(apiUrl.getHost(), port < 0 ? 443 : port, "/");
    }
    return new HttpTestTarget(apiUrl.getHost(), port < 0 ? 80 : port, "/");
  }

  private static LiveSafety.Request summary(PactVerificationContext context) {
    Interaction interaction = context.getInteraction();
    IRequest request = interaction.asSynchronousRequestResponse().getRequest();
    List<String> tokens = request.getHeaders().getOrDefault("X-Auth-Token", List.of());
    return new LiveSafety.Request(
        context.getConsumer().getName(),
        request.getMethod(),
        request.getPath(),
        request.getQuery().keySet(),
        interaction.getProviderStates().stream().map(ProviderState::getName).toList(),
        tokens.isEmpty() ? null : tokens.get(0));
  }

  private static boolean needsShopperProfile(Interaction interaction) {
    return interaction.getProviderStates().stream()
        .anyMatch(state -> state.getName().startsWith("shopper profile "));
  }
}
