package io.github.segmentskit.contract;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock 3 extension that plays BigCommerce's concurrency limit: it counts the requests in
 * flight (up when the response is chosen, down when it has been sent, after any delay) and answers
 * 429 to a request above the limit. It remembers the peak and how many 429s it gave.
 */
final class InFlightLimitEnforcer implements ResponseDefinitionTransformerV2, ServeEventListener {
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  InFlightLimitEnforcer(int limit) {
    this.limit = limit;
  }

  @Override
  public String getName() {
    return "in-flight-limit-enforcer";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    if (now > limit) {
      refused.incrementAndGet();
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(429)
          .withHeader("Content-Type", "application/json")
          .withBody(Fixtures.json("error-429.json"))
          .build();
    }
    return serveEvent.getResponseDefinition();
  }

  @Override
  public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
    inFlight.decrementAndGet();
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  int peak() {
    return peak.get();
  }

  int refused() {
    return refused.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  void reset() {
    inFlight.set(0);
    peak.set(0);
    refused.set(0);
  }
}
