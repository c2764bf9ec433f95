package io.github.segmentskit.simulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.SimulatedStore;
import io.github.segmentskit.simulator.SimulatorConfig;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a test class uses it: on a static field, with its accessors and parameters. */
@Timeout(30)
class SegmentsSimulatorExtensionTest {

  @RegisterExtension
  static final SegmentsSimulatorExtension simulator =
      SegmentsSimulatorExtension.create().withStoreHash("ext123");

  @Test
  void servesItsStoreOnALoopbackPortWithTheDevelopmentToken() throws Exception {
    simulator.store().createSegment("Wholesale buyers", "");
    URI base = simulator.baseUri();

    HttpResponse<String> response = Get.send(URI.create(base + "/segments"), simulator.token());

    assertThat(base.getScheme()).isEqualTo("http");
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    assertThat(base.getPort()).isPositive();
    assertThat(base.getPath()).isEqualTo("/stores/ext123/v3");
    assertThat(simulator.token()).isEqualTo(SimulatorConfig.DEV_TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"Wholesale buyers\"");
  }

  @Test
  void resolvesTheEndpointTheStoreAndTheSimulatorAsParameters(
      SimulatorEndpoint endpoint, SimulatedStore store, SegmentsSimulator server) {
    assertThat(endpoint.baseUri()).isEqualTo(simulator.baseUri());
    assertThat(endpoint.storeHash()).isEqualTo("ext123");
    assertThat(endpoint.token()).isEqualTo(SimulatorConfig.DEV_TOKEN);
    assertThat(endpoint.toString()).doesNotContain(SimulatorConfig.DEV_TOKEN);
    assertThat(store.hash()).isEqualTo("ext123");
    assertThat(server).isSameAs(simulator.simulator());
    assertThat(server.isRunning()).isTrue();
  }

  @Nested
  class InANestedClass {

    @Test
    void theSameSimulatorServes(SegmentsSimulator server) throws Exception {
      assertThat(server).isSameAs(simulator.simulator());
      assertThat(Get.send(URI.create(simulator.baseUri() + "/segments"), "wrong").statusCode())
          .isEqualTo(401);
    }
  }
}
