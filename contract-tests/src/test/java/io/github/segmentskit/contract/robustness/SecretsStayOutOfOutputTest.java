package io.github.segmentskit.contract.robustness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ForbiddenException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.SegmentsTimeoutException;
import io.github.segmentskit.client.exception.SegmentsValidationException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.support.AccessToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.slf4j.LoggerFactory;

/**
 * A failing run (401, 403, 429, 500, a timeout, an unreadable body, a validation error, a refused
 * connection), with servers that echo the token back in bodies: the access token appears in no log
 * output (System.out/err, where slf4j-simple writes; java.util.logging, where System.Logger goes by
 * default) and in no exception message, toString or stack trace, causes included.
 */
@ResourceLock(Resources.SYSTEM_OUT) // replaces System.out and System.err, and the JUL root
@ResourceLock(Resources.SYSTEM_ERR) // logger's level and handlers, for the time of a test
class SecretsStayOutOfOutputTest {
  /** Shaped like a real BigCommerce token: lower-case letters and digits. */
  private static final String TOKEN = "k3x9secret7q2w8e4r6t1y5u0i4o8p";

  private static final String STORE = "secretstore";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final String SEGMENT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<LogRecord> julRecords = new ArrayList<>();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private Handler julHandler;
  private Level originalRootLevel;

  @BeforeEach
  void captureAllOutput() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    Logger root = Logger.getLogger("");
    originalRootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    julHandler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (julRecords) {
              julRecords.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julHandler.setLevel(Level.ALL);
    root.addHandler(julHandler);
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    Logger root = Logger.getLogger("");
    root.removeHandler(julHandler);
    root.setLevel(originalRootLevel);
  }

  @Test
  void noFailureShowsTheAccessTokenAnywhere() throws Exception {
    String echo =
        "{\"status\":%d,\"title\":\"token "
            + TOKEN
            + " refused\",\"errors\":{\"X-Auth-Token\":\""
            + TOKEN
            + "\"}}";
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/segments")).willReturn(json(401, String.format(echo, 401))));
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/shopper-profiles"))
            .willReturn(json(403, String.format(echo, 403))));
    wm.stubFor(
        post(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                json(429, String.format(echo, 429))
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", "1")
                    .withHeader("X-Rate-Limit-Requests-Left", "0")));
    wm.stubFor(
        put(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("upstream said: bad token " + TOKEN)));
    wm.stubFor(
        get(urlPathMatching(BASE + "/segments/.*/shopper-profiles"))
            .willReturn(json(200, "{\"data\":[]}").withFixedDelay(2_000)));
    wm.stubFor(
        get(urlPathMatching(BASE + "/shopper-profiles/.*/segments"))
            .willReturn(json(200, "<html>proxy error page</html>")));
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(json(404, "{}")));

    Map<String, Throwable> failures = new LinkedHashMap<>();
    URI base = URI.create(wm.baseUrl() + BASE);
    try (SegmentsClient client = client(base, Duration.ofSeconds(5))) {
      failures.put(
          "401", catchThrowable(() -> client.segments().list(PageParams.first()).execute()));
      failures.put(
          "403", catchThrowable(() -> client.shopperProfiles().list(PageParams.first()).execute()));
      failures.put(
          "429",
          catchThrowable(
              () -> client.segments().create(List.of(new SegmentPost().name("x"))).execute()));
      failures.put(
          "500",
          catchThrowable(
              () ->
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(Ids.parse(SEGMENT)).name("x")))
                      .execute()));
      failures.put(
          "unreadable body",
          catchThrowable(
              () ->
                  client
                      .shopperProfiles()
                      .segments(Ids.parse(SEGMENT))
                      .list(PageParams.first())
                      .execute()));
      failures.put(
          "validation",
          catchThrowable(() -> client.segments().delete(Ids.parseAll(List.of("not-an-id")))));
    }
    try (SegmentsClient client = client(base, Duration.ofMillis(300))) {
      failures.put(
          "timeout",
          catchThrowable(
              () ->
                  client
                      .segments()
                      .shopperProfiles(Ids.parse(SEGMENT))
                      .list(PageParams.first())
                      .execute()));
    }
    try (SegmentsClient client = client(refusedPort(), Duration.ofSeconds(5))) {
      failures.put(
          "connection refused",
          catchThrowable(() -> client.segments().list(PageParams.first()).execute()));
    }
    failures.put("bad token", catchThrowable(() -> AccessToken.of(TOKEN + " with a space")));

    assertThat(failures.get("401")).isInstanceOf(UnauthorizedException.class);
    assertThat(failures.get("403")).isInstanceOf(ForbiddenException.class);
    assertThat(failures.get("429")).isInstanceOf(RateLimitedException.class);
    assertThat(failures.get("500")).isInstanceOf(ServerErrorException.class);
    assertThat(failures.get("timeout")).isInstanceOf(SegmentsTimeoutException.class);
    assertThat(failures.get("unreadable body")).isInstanceOf(SegmentsResponseException.class);
    assertThat(failures.get("validation")).isInstanceOf(SegmentsValidationException.class);
    assertThat(failures.get("connection refused"))
        .isExactlyInstanceOf(SegmentsConnectionException.class);
    assertThat(failures.get("bad token")).isInstanceOf(IllegalArgumentException.class);
    // The token was really in use: it went out on every request.
    wm.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/segments"))
            .withHeader("X-Auth-Token", equalTo(TOKEN)));

    org.slf4j.Logger log = LoggerFactory.getLogger(SecretsStayOutOfOutputTest.class);
    failures.forEach((what, failure) -> log.error("call failed: {}", what, failure));
    System.getLogger(SecretsStayOutOfOutputTest.class.getName())
        .log(System.Logger.Level.ERROR, "last failure", failures.get("connection refused"));

    failures.forEach(
        (what, failure) -> {
          assertThat(failure.getMessage()).as("message of %s", what).doesNotContain(TOKEN);
          assertThat(failure.toString()).as("toString of %s", what).doesNotContain(TOKEN);
          assertThat(stackTrace(failure)).as("stack trace of %s", what).doesNotContain(TOKEN);
        });
    System.out.flush();
    System.err.flush();
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output).as("captured output holds the logged failures").contains("call failed: 401");
    assertThat(output).doesNotContain(TOKEN);
    String jul = julText(record -> record.getMessage() + " " + stackTrace(record.getThrown()));
    assertThat(jul).as("java.util.logging / System.Logger records").contains("last failure");
    assertThat(jul).doesNotContain(TOKEN);
  }

  /**
   * A 2xx whose body is not JSON and quotes the token (a proxy's echo, say): Jackson's own
   * exception quotes the unreadable token ({@code Unrecognized token '...'}), so the client keeps a
   * redacted copy of it as the cause, and the token appears in no message and no stack trace.
   */
  @Test
  void anUnreadableBodyThatEchoesTheTokenKeepsItOutOfTheStackTrace() {
    wm.stubFor(
        get(urlPathMatching(BASE + "/shopper-profiles/.*/segments")).willReturn(json(200, TOKEN)));
    Throwable failure;
    try (SegmentsClient client = client(URI.create(wm.baseUrl() + BASE), Duration.ofSeconds(5))) {
      failure =
          catchThrowable(
              () ->
                  client
                      .shopperProfiles()
                      .segments(Ids.parse(SEGMENT))
                      .list(PageParams.first())
                      .execute());
    }

    assertThat(failure).isInstanceOf(SegmentsResponseException.class);
    assertThat(failure.getMessage()).doesNotContain(TOKEN);
    assertThat(stackTrace(failure)).doesNotContain(TOKEN);
  }

  private SegmentsClient client(URI baseUri, Duration requestTimeout) {
    return SegmentsClient.builder()
        .storeHash(STORE)
        .accessToken(TOKEN)
        .baseUri(baseUri)
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(requestTimeout)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
        .sleeper(duration -> {})
        .build();
  }

  /** A loopback address where nothing listens: a port that was bound and released. */
  private static URI refusedPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + BASE);
  }

  private String julText(Function<LogRecord, String> text) {
    StringBuilder all = new StringBuilder();
    synchronized (julRecords) {
      julRecords.forEach(record -> all.append(text.apply(record)).append('\n'));
    }
    return all.toString();
  }

  private static String stackTrace(Throwable failure) {
    if (failure == null) {
      return "";
    }
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** Writes to the original stream and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      synchronized (second) {
        second.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      first.write(bytes, offset, length);
      synchronized (second) {
        second.write(bytes, offset, length);
      }
    }

    @Override
    public void flush() throws IOException {
      first.flush();
    }
  }
}
