package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.contract.hostile.HostileBodies.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issues 10.2, 10.3 and 10.9, proved in child JVMs with a 64 MiB heap, one with the platform's
 * UTF-8 and one started with {@code -Dfile.encoding=ISO-8859-1} (Java 17 in a locale without
 * UTF-8). Against {@link HostileBodies} in this JVM, {@link HostileProbe} in the child shows:
 *
 * <ul>
 *   <li>10.2: a body that stalls after the headers and {@code {"data":[} (with a length, or
 *       chunked) ends the call at {@code requestTimeout} plus {@value #MARGIN_MS} ms; while four
 *       calls are stuck so, a slow but finishing call of another client succeeds in its own time
 *       and a stalled call with a shorter timeout ends at its own deadline;
 *   <li>10.3: a 500 MB 2xx body (with and without a length), an endless chunked body, 1 MB of gzip
 *       that inflates to 1 GiB (sent though never asked for) and a 40 MB error body each end in a
 *       {@code ResponseTooLargeException} naming the limit, with the permit given back, in a heap
 *       of 64 MiB, sent once (not retried), and the server saw the client close the connection
 *       after at most a few MB of the bodies that do not fit;
 *   <li>10.9: a valid gzip page is read correctly on both, the non-ASCII name intact, not retried.
 *   <li>a JSON error body just under the cap (300,000 tiny field errors) is read within the 64 MiB
 *       heap, as the status's exception.
 * </ul>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@Isolated("child JVMs at a 64 MiB heap, deadlines within 500 ms, 64 MB bodies streamed")
class HostileBodiesInChildJvmsTest {
  static final long MARGIN_MS = 500;

  private static final List<String> CHECKS =
      List.of(
          HostileBodies.STALLED,
          HostileBodies.STALLED_CHUNKED,
          "deadlines",
          HostileBodies.HUGE_DECLARED,
          HostileBodies.HUGE_UNTIL_CLOSE,
          HostileBodies.ENDLESS_CHUNKED,
          HostileBodies.GZIP_BOMB,
          HostileBodies.HUGE_ERROR,
          HostileBodies.VALID_GZIP,
          HostileBodies.ERROR_NEAR_THE_CAP);

  /** Bodies too large to read: the server may write this much before it sees the close. */
  private static final long MAX_WRITTEN = 64L * 1024 * 1024;

  /** A child JVM's run against a server of its own (kept open for its stats until the end). */
  private record Proof(HostileBodies server, Future<ChildJvm.Result> child) {}

  private static final List<HostileBodies> servers = new ArrayList<>();
  private static ExecutorService both;
  private static Proof utf8;
  private static Proof iso88591;

  /**
   * Starts both child JVMs at once: most of each run is waiting out the stalls' deadlines (about 4
   * of its 5 s); calls measured within 40 ms of their timeouts, against a margin of {@value
   * #MARGIN_MS} ms.
   */
  @BeforeAll
  static void startBothChildJvms() {
    both = Executors.newFixedThreadPool(2);
    utf8 = start(List.of("-Xmx64m"));
    iso88591 = start(List.of("-Xmx64m", "-Dfile.encoding=ISO-8859-1"));
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    both.shutdownNow(); // a child still running is killed by ChildJvm when interrupted
    both.awaitTermination(15, TimeUnit.SECONDS);
    servers.forEach(HostileBodies::close);
  }

  @Test
  void hostileBodiesAreBoundedOnAUtf8JvmWithA64MibHeap() throws Exception {
    prove(utf8, "UTF-8");
  }

  @Test
  void hostileBodiesAreBoundedOnAnIso88591JvmWithA64MibHeap() throws Exception {
    prove(iso88591, "ISO-8859-1");
  }

  private static Proof start(List<String> jvmOptions) {
    HostileBodies server = HostileBodies.start();
    servers.add(server);
    List<String> args = new ArrayList<>();
    args.add(server.origin());
    args.addAll(CHECKS);
    return new Proof(
        server,
        both.submit(
            () ->
                ChildJvm.run(
                    ChildJvm.currentJava(),
                    jvmOptions,
                    HostileProbe.class,
                    args,
                    Duration.ofSeconds(60))));
  }

  private static void prove(Proof proof, String charset) throws Exception {
    HostileBodies server = proof.server();
    ChildJvm.Result child = proof.child().get(80, TimeUnit.SECONDS);
    String output = child.output();
    assertThat(output).as("the child's JVM").contains("JVM charset=" + charset + " maxHeapMiB=");
    assertThat(maxHeapMebibytes(output)).as("the child's heap").isLessThanOrEqualTo(64);
    for (String check : CHECKS) {
      assertThat(output)
          .as("check %s in the child:\n%s", check, output)
          .contains("RESULT " + check + " PASS");
    }
    assertThat(output).doesNotContain("OutOfMemoryError");
    assertThat(child.exitCode()).as(output).isZero();

    for (String tooLarge :
        List.of(
            HostileBodies.HUGE_DECLARED,
            HostileBodies.HUGE_UNTIL_CLOSE,
            HostileBodies.ENDLESS_CHUNKED,
            HostileBodies.GZIP_BOMB,
            HostileBodies.HUGE_ERROR,
            HostileBodies.VALID_GZIP)) {
      assertThat(server.stats(tooLarge).requests.get())
          .as("requests of %s (not retried): %s", tooLarge, server.stats(tooLarge))
          .isEqualTo(1);
    }
    for (String cutOff :
        List.of(
            HostileBodies.HUGE_DECLARED,
            HostileBodies.HUGE_UNTIL_CLOSE,
            HostileBodies.ENDLESS_CHUNKED,
            HostileBodies.HUGE_ERROR)) {
      Stats stats = server.stats(cutOff);
      assertThat(stats.clientClosed.get()).as("%s: %s", cutOff, stats).isEqualTo(1);
      assertThat(stats.bytes.get()).as("%s: %s", cutOff, stats).isLessThan(MAX_WRITTEN);
    }
    for (String gzip : List.of(HostileBodies.GZIP_BOMB, HostileBodies.VALID_GZIP)) {
      assertThat(server.stats(gzip).acceptEncodings)
          .as("%s: gzip was sent though never asked for", gzip)
          .isEmpty();
    }
    for (String stalled :
        List.of(HostileBodies.STALLED, HostileBodies.STALLED_CHUNKED, HostileBodies.STUCK)) {
      Stats stats = server.stats(stalled);
      assertThat(stats.clientClosed.get())
          .as("%s: every timed-out exchange was cancelled on the wire: %s", stalled, stats)
          .isEqualTo(stats.requests.get());
    }
    System.out.println(output);
  }

  private static long maxHeapMebibytes(String output) {
    String marker = "maxHeapMiB=";
    int at = output.indexOf(marker) + marker.length();
    int end = at;
    while (end < output.length() && Character.isDigit(output.charAt(end))) {
      end++;
    }
    return Long.parseLong(output.substring(at, end));
  }
}
