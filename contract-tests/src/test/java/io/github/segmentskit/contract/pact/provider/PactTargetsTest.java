package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.provider.IHttpClientFactory;
import au.com.dius.pact.provider.ProviderInfo;
import java.io.File;
import org.junit.jupiter.api.Test;

/**
 * {@link PactTargets}' client refuses the provider options it would ignore, rather than verify
 * without them (its retries are counted by {@code SimulatorProviderVerificationIT}).
 */
class PactTargetsTest {
  private static IHttpClientFactory factory() {
    return PactTargets.https("127.0.0.1", 443).getHttpClientFactory().invoke();
  }

  @Test
  void insecureTlsIsRefused() {
    ProviderInfo provider = new ProviderInfo("bigcommerce");
    provider.setInsecure(true);
    assertThatThrownBy(() -> factory().newClient(provider))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("insecure TLS");
  }

  @Test
  void aTrustStoreOfItsOwnIsRefused() {
    ProviderInfo provider = new ProviderInfo("bigcommerce");
    provider.setTrustStore(new File("truststore.jks"));
    assertThatThrownBy(() -> factory().newClient(provider))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trust store");
  }

  @Test
  void aPlainProviderGetsAClient() throws Exception {
    try (var client = factory().newClient(new ProviderInfo("bigcommerce"))) {
      assertThat(client).isNotNull(); // the guard refuses only what it would ignore
    }
  }
}
