package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issues 10.2 and 10.5 together: a caller interrupted while its request is on the wire returns at
 * once, and its exchange keeps the permit until its deadline cancels it. The deadline must hold
 * whatever else the application does: here the JVM's common fork-join pool is busy with blocking
 * work of the application's own (parallel streams and {@code supplyAsync} run there) and the server
 * stalls mid-body, so only the client's deadline can end the exchange. In a child JVM that sees 8
 * processors (a common pool of 7; with 2 the JDK runs delayed tasks on threads of their own), the
 * server sees the connection closed at {@code requestTimeout} plus {@value #MARGIN_MS} ms, and the
 * permit is back by then.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Isolated("its child JVM's deadlines leave a few hundred ms")
class BusyCommonPoolTest {
  static final long MARGIN_MS = 500;

  @Test
  void anInterruptedCallsExchangeIsCancelledAtItsDeadlineWhileTheCommonPoolIsBusy()
      throws Exception {
    AtomicLong arrived = new AtomicLong();
    AtomicLong closed = new AtomicLong();
    try (RawServer server =
        RawServer.start((request, exchange) -> stall(exchange, arrived, closed))) {
      ChildJvm.Result child =
          ChildJvm.run(
              ChildJvm.currentJava(),
              List.of("-XX:ActiveProcessorCount=8"),
              BusyCommonPoolProbe.class,
              List.of(server.baseUri("busypool").toString()),
              Duration.ofSeconds(30));

      String output = child.output();
      assertThat(output).contains("RESULT parallelism=7 caller=SegmentsInterruptedException");
      assertThat(closed.get()).as("the server saw the connection closed:\n%s", output).isNotZero();
      long openMillis = (closed.get() - arrived.get()) / 1_000_000;
      assertThat(openMillis)
          .as("ms the interrupted exchange stayed open:\n%s", output)
          .isLessThanOrEqualTo(BusyCommonPoolProbe.REQUEST_TIMEOUT.toMillis() + MARGIN_MS);
      long permitBack =
          Long.parseLong(output.replaceAll("(?s).*permitBackAfterMs=(-?\\d+).*", "$1"));
      assertThat(permitBack)
          .as("ms until the permit was back:\n%s", output)
          .isBetween(0L, BusyCommonPoolProbe.REQUEST_TIMEOUT.toMillis() + MARGIN_MS);
    }
  }

  private static void stall(RawServer.Exchange exchange, AtomicLong arrived, AtomicLong closed)
      throws IOException {
    arrived.set(System.nanoTime());
    exchange.write(RawResponses.head(200, "application/json", 100_000) + "{\"data\":[");
    if (exchange.awaitClientClose(15_000)) {
      closed.set(System.nanoTime());
    }
  }
}
