package io.github.segmentskit.contract.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.Ids;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.client.exception.UnprocessableEntityException;
import io.github.segmentskit.generated.model.ConflictError;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 10.1: a server that echoes the access token back, in clear or JSON-escaped in any way
 * ({@link TokenEcho}), in an error title, in field errors (keys and values), in the item titles and
 * errors of a 409, in the type and instance, in a header, in a non-JSON error body, and in an
 * unreadable 2xx body. The token appears nowhere the caller or a log can see: no exception message,
 * toString, stack trace or cause; not in {@code title()}, {@code errors()}, {@code headers()},
 * {@code rawBody()} or the 409's item errors; in no event an {@link EventListener} receives; in no
 * output of System.out/err, slf4j or java.util.logging. Texts are searched by {@link
 * TokenSightings}, which decodes every escape itself rather than trust the client's redaction.
 */
@ResourceLock(Resources.SYSTEM_OUT) // replaces System.out and System.err, and the JUL root
@ResourceLock(Resources.SYSTEM_ERR) // logger's level and handlers, for the time of a test
class TokenNeverLeaksTest {
  /** Has a {@code /} (for {@code \/}) and letters whose hex codes have letters ({@code z} = 7a). */
  private static final String TOKEN = "tok/Zk9xQ-SECRET/v7bz3Kqf";

  private static final String STORE = "leakstore";
  private static final String BASE = "/stores/" + STORE + "/v3";
  private static final UUID SEGMENT = Ids.parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  @ParameterizedTest
  @EnumSource(TokenEcho.class)
  void anEchoedTokenAppearsInNoFailureNoEventAndNoLog(TokenEcho echo) {
    String token = echo.of(TOKEN);
    stubEchoes(token);
    RecordingListener listener = RecordingListener.failingOnCallStart();
    Map<String, Throwable> failures = new LinkedHashMap<>();

    List<String> logged;
    String streams;
    try (CapturedOutput output = CapturedOutput.start()) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20), () -> failures.putAll(callEverything(listener)));
      failures.forEach(
          (what, failure) ->
              LoggerFactory.getLogger(TokenNeverLeaksTest.class)
                  .error("call failed: {}", what, failure));
      failures.forEach(
          (what, failure) ->
              System.getLogger(TokenNeverLeaksTest.class.getName())
                  .log(System.Logger.Level.ERROR, "call failed: " + what, failure));
      logged = output.records();
      streams = output.streams();
    }

    assertThat(failures.get("401")).isInstanceOf(UnauthorizedException.class);
    assertThat(failures.get("409")).isInstanceOf(ConflictException.class);
    assertThat(failures.get("422")).isInstanceOf(UnprocessableEntityException.class);
    assertThat(failures.get("429")).isInstanceOf(RateLimitedException.class);
    assertThat(failures.get("500 text")).isInstanceOf(ServerErrorException.class);
    assertThat(failures.get("503 retried")).isInstanceOf(ServerErrorException.class);
    assertThat(failures.get("2xx bad id")).isInstanceOf(SegmentsResponseException.class);
    assertThat(failures.get("2xx not json")).isInstanceOf(SegmentsResponseException.class);
    assertThat(((ConflictException) failures.get("409")).itemErrors())
        .as("the 409's item errors were read")
        .hasSize(1);
    assertThat(((SegmentsApiException) failures.get("401")).errors())
        .as("the field errors were read")
        .hasSize(2);
    assertThat(listener.events()).anyMatch(event -> event.startsWith("retrying"));
    assertThat(streams).as("the failures were logged").contains("call failed: 401");
    wm.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/segments"))
            .withHeader("X-Auth-Token", WireMock.equalTo(TOKEN)));

    TokenSightings sightings = new TokenSightings(TOKEN);
    failures.forEach((what, failure) -> addEverything(sightings, what, failure));
    listener.events().forEach(event -> sightings.add("listener event", event));
    logged.forEach(record -> sightings.add("log record", record));
    sightings.add("System.out/err", streams);
    assertThat(sightings.found()).as("places that show the token (%s)", echo).isEmpty();
  }

  /** The search works: it finds the token in each body the server sent. */
  @ParameterizedTest
  @EnumSource(TokenEcho.class)
  void theSearchFindsTheTokenInEveryEchoForm(TokenEcho echo) {
    String body = errorBody(401, echo.of(TOKEN));

    assertThat(TokenSightings.contains(body, TOKEN)).isTrue();
    assertThat(body.contains(TOKEN)).isEqualTo(echo == TokenEcho.CLEAR);
  }

  private static Map<String, Throwable> callEverything(EventListener listener) {
    Map<String, Throwable> failures = new LinkedHashMap<>();
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(TOKEN)
            .baseUri(URI.create(wm.baseUrl() + BASE))
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
            .sleeper(duration -> {})
            .eventListener(listener)
            .build()) {
      failures.put("401", failure(() -> client.segments().list(PageParams.first()).execute()));
      failures.put(
          "409",
          failure(() -> client.segments().create(List.of(new SegmentPost().name("x"))).execute()));
      failures.put(
          "422",
          failure(
              () ->
                  client
                      .segments()
                      .update(List.of(new SegmentPut().id(SEGMENT).name("x")))
                      .execute()));
      failures.put(
          "429", failure(() -> client.shopperProfiles().create(List.of(profile())).execute()));
      failures.put(
          "500 text",
          failure(
              () ->
                  client
                      .segments()
                      .shopperProfiles(SEGMENT)
                      .add(List.of(SEGMENT))
                      .execute()
                      .orThrow()));
      failures.put(
          "503 retried",
          failure(() -> client.shopperProfiles().list(PageParams.first()).execute()));
      failures.put(
          "2xx bad id",
          failure(
              () -> client.segments().shopperProfiles(SEGMENT).list(PageParams.first()).execute()));
      failures.put(
          "2xx not json",
          failure(
              () -> client.shopperProfiles().segments(SEGMENT).list(PageParams.first()).execute()));
    }
    return failures;
  }

  private static ShopperProfilePost profile() {
    return new ShopperProfilePost().customerId(7L);
  }

  private static Throwable failure(Supplier<?> call) {
    Throwable failure = catchThrowable(call::get);
    assertThat(failure).as("the call failed").isNotNull();
    return failure;
  }

  private static void addEverything(TokenSightings sightings, String what, Throwable failure) {
    sightings.addFailure(what, failure);
    if (failure instanceof SegmentsApiException api) {
      sightings
          .add(what + " title()", api.title())
          .add(what + " type()", api.type())
          .add(what + " instance()", api.instance())
          .add(what + " errors()", api.errors())
          .add(what + " headers()", api.headers())
          .add(what + " rawBody()", api.rawBody())
          .add(what + " error()", api.error())
          .add(what + " error().message()", api.error().message());
    }
    if (failure instanceof ConflictException conflict) {
      for (ConflictError item : conflict.itemErrors()) {
        sightings
            .add(what + " item", item)
            .add(what + " item title", item.getTitle())
            .add(what + " item type", item.getType())
            .add(what + " item errors", item.getErrors());
      }
    }
  }

  private static void stubEchoes(String token) {
    wm.resetAll();
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                json(401, errorBody(401, token))
                    .withHeader("X-Echo-Token", token)
                    .withHeader("WWW-Authenticate", "Bearer realm=\"" + token + "\"")));
    wm.stubFor(post(urlPathEqualTo(BASE + "/segments")).willReturn(json(409, conflictBody(token))));
    wm.stubFor(
        put(urlPathEqualTo(BASE + "/segments"))
            .willReturn(
                json(
                    422,
                    "{\"status\":422,\"errors\":{\"0.name\":\"must not be "
                        + token
                        + "\",\""
                        + token
                        + "\":\"as a key\"}}")));
    wm.stubFor(
        post(urlPathEqualTo(BASE + "/shopper-profiles"))
            .willReturn(
                json(429, errorBody(429, token))
                    .withHeader("X-Rate-Limit-Time-Reset-Ms", "1")
                    .withHeader("X-Echo-Token", token)));
    wm.stubFor(
        post(urlPathMatching(BASE + "/segments/.*/shopper-profiles"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("upstream refused token " + token)));
    wm.stubFor(
        get(urlPathEqualTo(BASE + "/shopper-profiles"))
            .willReturn(json(503, errorBody(503, token))));
    wm.stubFor(
        get(urlPathMatching(BASE + "/segments/.*/shopper-profiles"))
            .willReturn(
                json(
                    200,
                    "{\"data\":[{\"id\":\""
                        + token
                        + "\"}],\"meta\":{\"pagination\":{\"total\":1,\"count\":1,\"per_page\":50,"
                        + "\"current_page\":1,\"total_pages\":1}}}")));
    wm.stubFor(
        get(urlPathMatching(BASE + "/shopper-profiles/.*/segments"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>proxy says: token " + token + "</html>")));
  }

  private static String errorBody(int status, String token) {
    return "{\"status\":"
        + status
        + ",\"title\":\"bad token "
        + token
        + "\",\"type\":\"https://example.test/"
        + token
        + "\",\"instance\":\""
        + token
        + "\",\"errors\":{\"X-Auth-Token\":\""
        + token
        + "\",\""
        + token
        + "\":\"echoed as a key\"}}";
  }

  private static String conflictBody(String token) {
    return "{\"data\":[],\"errors\":[{\"status\":409,\"title\":\"name taken by "
        + token
        + "\",\"type\":\""
        + token
        + "\",\"errors\":{\""
        + token
        + "\":\""
        + token
        + "\"}}],\"meta\":{\"total\":1,\"success\":0,\"failed\":1}}";
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
