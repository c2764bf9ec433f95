package io.github.segmentskit.contract.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, "count attempts exactly": a server that reads each request and closes the connection
 * without a byte of answer, met by calls with {@code maxAttempts(3)}, on a fresh connection ({@code
 * cold}) and on a kept-alive one from the pool ({@code warm}). What is true, on JDK 17 (the JVM of
 * the tests) and JDK 25 (a child JVM, when one is installed), pinned here:
 *
 * <ul>
 *   <li>PUT and DELETE: the server sees exactly the 3 attempts of the retry policy; POST exactly 1
 *       (never retried). The JDK's {@code HttpClient} resends none of them.
 *   <li>GET: the server sees <b>6</b> requests for the policy's 3 attempts. The JDK's {@code
 *       HttpClient} itself resends a GET (and HEAD) once per attempt when the connection ends
 *       before the first byte of the answer ({@code ConnectionExpiredException} inside its {@code
 *       MultiExchange}; since every HTTP/1.1 exchange arms that retry, it happens on fresh
 *       connections as well as on pooled ones), on a new connection, unseen by the client's retry
 *       policy and event listener, which count 3. No system property turns it off ({@code
 *       jdk.httpclient.disableRetryConnect} only stops its retry of refused connections, which send
 *       nothing).
 * </ul>
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClosedConnectionAttemptsTest {
  /** Method and connection state, and the requests the server sees for one call. */
  private static final Map<String, Integer> SERVER_SEES = new LinkedHashMap<>();

  static {
    SERVER_SEES.put("GET:warm", 6);
    SERVER_SEES.put("GET:cold", 6);
    SERVER_SEES.put("PUT:warm", 3);
    SERVER_SEES.put("PUT:cold", 3);
    SERVER_SEES.put("DELETE:warm", 3);
    SERVER_SEES.put("DELETE:cold", 3);
    SERVER_SEES.put("POST:warm", 1);
    SERVER_SEES.put("POST:cold", 1);
  }

  @Test
  void onThisJdkOnlyGetsAreResentByTheJdkItselfOncePerAttempt() {
    Map<String, String> results = new LinkedHashMap<>();
    Map<String, RawServer> servers = servers();
    try {
      servers.forEach(
          (scenario, server) -> {
            String[] parts = scenario.split(":");
            results.put(
                scenario,
                ClosedConnectionProbe.run(
                    parts[0], server.baseUri("closing"), parts[1].equals("warm")));
          });
      assertPinned(Runtime.version().toString(), servers, results);
    } finally {
      servers.values().forEach(RawServer::close);
    }
  }

  @Test
  void onJdk25TheSameHolds() throws Exception {
    Path java = jdk25();
    assumeTrue(Files.isExecutable(java), "no JDK 25 at " + java + " (set JDK25_HOME)");
    Map<String, RawServer> servers = servers();
    try {
      List<String> args = new ArrayList<>();
      servers.forEach(
          (scenario, server) -> {
            args.add(scenario);
            args.add(server.baseUri("closing").toString());
          });

      ChildJvm.Result child =
          ChildJvm.run(java, List.of(), ClosedConnectionProbe.class, args, Duration.ofSeconds(60));

      assertThat(child.output()).contains("JVM 25");
      Map<String, String> results = new LinkedHashMap<>();
      for (String scenario : servers.keySet()) {
        String[] parts = scenario.split(":");
        String prefix = "RESULT " + parts[0] + " " + parts[1] + " ";
        results.put(
            scenario,
            child.output().lines().filter(line -> line.startsWith(prefix)).findFirst().orElse(""));
      }
      assertPinned("25", servers, results);
    } finally {
      servers.values().forEach(RawServer::close);
    }
  }

  /**
   * A hazard outside the client's control: a JVM started with {@code
   * -Djdk.httpclient.enableAllMethodRetry=true} lets the JDK resend every method so, POST included:
   * the server sees 2 requests for a POST the client never retries (a duplicate create), and twice
   * the policy's attempts for PUT and DELETE.
   */
  @Test
  void withEnableAllMethodRetryTheJdkResendsPostsToo() throws Exception {
    Map<String, RawServer> servers = new LinkedHashMap<>();
    servers.put("POST:cold", ClosedConnectionProbe.server(false));
    servers.put("PUT:cold", ClosedConnectionProbe.server(false));
    try {
      List<String> args = new ArrayList<>();
      servers.forEach(
          (scenario, server) -> {
            args.add(scenario);
            args.add(server.baseUri("closing").toString());
          });

      ChildJvm.Result child =
          ChildJvm.run(
              ChildJvm.currentJava(),
              List.of("-Djdk.httpclient.enableAllMethodRetry=true"),
              ClosedConnectionProbe.class,
              args,
              Duration.ofSeconds(60));

      assertThat(child.output())
          .contains("RESULT POST cold outcome=SegmentsConnectionException attempts=1")
          .contains("RESULT PUT cold outcome=SegmentsConnectionException attempts=3");
      assertThat(servers.get("POST:cold").requests()).hasSize(2);
      assertThat(servers.get("PUT:cold").requests()).hasSize(6);
    } finally {
      servers.values().forEach(RawServer::close);
    }
  }

  private static void assertPinned(
      String jdk, Map<String, RawServer> servers, Map<String, String> results) {
    for (Map.Entry<String, Integer> expected : SERVER_SEES.entrySet()) {
      String scenario = expected.getKey();
      boolean warm = scenario.endsWith(":warm");
      int policyAttempts = scenario.startsWith("POST") ? 1 : ClosedConnectionProbe.MAX_ATTEMPTS;
      assertThat(results.get(scenario))
          .as("JDK %s, %s: what the client saw", jdk, scenario)
          .endsWith("outcome=SegmentsConnectionException attempts=" + policyAttempts);
      int seen = servers.get(scenario).requests().size() - (warm ? 1 : 0);
      assertThat(seen)
          .as("JDK %s, %s: requests the server saw for one call", jdk, scenario)
          .isEqualTo(expected.getValue());
    }
  }

  private static Map<String, RawServer> servers() {
    Map<String, RawServer> servers = new LinkedHashMap<>();
    SERVER_SEES
        .keySet()
        .forEach(
            scenario ->
                servers.put(scenario, ClosedConnectionProbe.server(scenario.endsWith(":warm"))));
    return servers;
  }

  private static Path jdk25() {
    String home = System.getenv("JDK25_HOME");
    Path base = Path.of(home != null ? home : "/usr/lib/jvm/temurin-25-jdk-amd64");
    return base.resolve("bin").resolve("java");
  }
}
