package io.github.segmentskit.contract.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.simulator.SegmentsSimulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On Java 17 the default charset comes from the locale (a container without one gets US-ASCII); the
 * API's JSON is UTF-8 whatever it is. A segment name with non-ASCII characters must come back as it
 * was. The check runs in a child JVM started with {@code -Dfile.encoding=ISO-8859-1}, since a JVM's
 * default charset cannot change once it runs.
 */
class NonUtf8DefaultCharsetTest {
  static final String NAME = "Caf\u00e9 \u2713 \uD83D\uDE80";

  @Test
  void nonAsciiNamesSurviveANonUtf8DefaultCharset() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Dfile.encoding=ISO-8859-1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Probe.class.getName()))
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

    assertThat(output).contains("round trip: ok");
  }

  /** Run in the child JVM: reads a segment whose name is not ASCII; prints whether it survived. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) throws IOException {
      try (SegmentsSimulator simulator =
              SegmentsSimulator.builder().port(0).modifyTokens("probe-token").build().start();
          SegmentsClient client =
              SegmentsClient.builder()
                  .storeHash("charset")
                  .accessToken("probe-token")
                  .baseUri(simulator.baseUri("charset"))
                  .build()) {
        simulator.store("charset").createSegment(NAME, "");
        String name = client.segments().list(PageParams.first()).execute().items().get(0).getName();
        // ASCII only: the child's standard output is not UTF-8 either.
        System.out.println(
            "round trip: "
                + (NAME.equals(name) ? "ok" : "garbled, " + name.codePoints().boxed().toList()));
      }
    }
  }
}
