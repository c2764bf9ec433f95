package io.github.segmentskit.contract.strict;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.SegmentsResponseException;
import io.github.segmentskit.contract.strict.BadBodies.BadBody;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: every operation that reads a body, against every body of {@link BadBodies} (each breaks
 * one rule: missing, blank or {@code null} body; {@code data} missing, null or not a list; a null
 * item; a required field missing; a non-canonical id; a number of the wrong type or out of range; a
 * bad date-time; a media type that is not JSON or a charset not UTF-8; malformed UTF-8; a duplicate
 * key; content after the value; pagination that contradicts itself), served by WireMock with the
 * operation's success status. Each call fails with a {@link SegmentsResponseException} whose
 * message names the operation and the problem, and neither dumps the body nor shows the token (nor
 * does the stack trace); the response is not retried.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StrictResponsesTest {
  static final String STORE = "strictstore";
  static final String BASE = "/stores/" + STORE + "/v3";
  private static final int MAX_MESSAGE = 400;

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  private static SegmentsClient client;

  @BeforeAll
  static void startClient() {
    client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken(BadBodies.TOKEN)
            .baseUri(URI.create(wm.baseUrl() + BASE))
            .limiterRegistry(ConcurrencyLimiterRegistry.create())
            .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
            .sleeper(duration -> {})
            .build();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static Stream<Arguments> operationsAndBadBodies() {
    return Arrays.stream(ClientOperation.values())
        .filter(operation -> operation.shape != null)
        .flatMap(
            operation ->
                BadBodies.of(operation.shape).stream().map(body -> Arguments.of(operation, body)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("operationsAndBadBodies")
  void aBodyTheClientCannotTrustIsATypedExceptionNamingTheOperationAndTheProblem(
      ClientOperation operation, BadBody bad) {
    wm.resetAll();
    ResponseDefinitionBuilder response =
        aResponse().withStatus(operation.successStatus).withBody(bad.body());
    if (bad.contentType() != null) {
      response = response.withHeader("Content-Type", bad.contentType());
    }
    wm.stubFor(
        request(operation.operation.method(), urlPathEqualTo(BASE + operation.path()))
            .willReturn(response));

    Throwable failure = catchThrowable(() -> operation.call.apply(client));

    assertThat(failure).as("what %s gave", operation).isInstanceOf(SegmentsResponseException.class);
    String message = failure.getMessage();
    assertThat(message).startsWith(operation.callName() + " -> ").contains(bad.problem());
    assertThat(message.length()).as("length of: %s", message).isLessThan(MAX_MESSAGE);
    assertThat(message).doesNotContain(BadBodies.MARKER).doesNotContain(BadBodies.TOKEN);
    assertThat(stackTrace(failure)).doesNotContain(BadBodies.TOKEN);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).as("requests (not retried)").hasSize(1);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
