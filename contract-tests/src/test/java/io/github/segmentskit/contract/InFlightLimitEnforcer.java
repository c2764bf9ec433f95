package io.github.segmentskit.contract;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock 3 extension that plays BigCommerce's concurrency limit: it counts the requests in
 * flight (from when the response is chosen until the stub's delay is over and the response goes
 * out) and answers 429 to a request above the limit. It remembers the peak and how many 429s it
 * gave.
 */
final class InFlightLimitEnforcer implements ResponseDefinitionTransformerV2 {
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
    try {
      peak.accumulateAndGet(now, Math::max);
      if (now > limit) {
        refused.incrementAndGet();
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withBody(Fixtures.json("error-429.json"))
            .build();
      }
      return servedAfterItsDelay(serveEvent.getResponseDefinition());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Waits out the stub's fixed delay here, while the request counts as in flight, and hands the
   * response on without it. Counting down only after WireMock has sent the response would race: the
   * client may read the answer, free its permit and send the next request before WireMock reports
   * the first one complete, and the server would see an eleventh request that the client never had
   * in flight.
   */
  private static ResponseDefinition servedAfterItsDelay(ResponseDefinition definition) {
    Integer delay = definition.getFixedDelayMilliseconds();
    if (delay == null || delay <= 0) {
      return definition;
    }
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ResponseDefinitionBuilder.like(definition).withFixedDelay(null).build();
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
