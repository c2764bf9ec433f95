package io.github.segmentskit.contract.strict;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.segmentskit.client.ChunkedResult;
import io.github.segmentskit.client.ConcurrencyLimiter;
import io.github.segmentskit.client.Page;
import io.github.segmentskit.client.RetryPolicy;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.client.exception.BadRequestException;
import io.github.segmentskit.client.exception.ConflictException;
import io.github.segmentskit.client.exception.ForbiddenException;
import io.github.segmentskit.client.exception.NotFoundException;
import io.github.segmentskit.client.exception.PayloadTooLargeException;
import io.github.segmentskit.client.exception.RateLimitedException;
import io.github.segmentskit.client.exception.SegmentsApiException;
import io.github.segmentskit.client.exception.ServerErrorException;
import io.github.segmentskit.client.exception.UnauthorizedException;
import io.github.segmentskit.client.exception.UnprocessableEntityException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The control of issue 15: the client's checks follow the spec. Every response the spec documents
 * (system property {@code segments.spec}), each with its example body and example headers, is
 * served by WireMock for its operation and status, and the operation is called. Every 2xx example
 * is a success (its items all read); every error example is the {@link SegmentsApiException} of its
 * status, never a {@code SegmentsResponseException}: no example the spec gives trips a check.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpecExamplesPassTest {
  private static final String STORE = "examplestore";
  private static final String BASE = "/stores/" + STORE + "/v3";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().http2PlainDisabled(true))
          .build();

  private static SegmentsClient client;

  /** One documented response of one operation. */
  record Documented(
      ClientOperation operation,
      int status,
      String example,
      String body,
      Map<String, String> headers,
      int items) {
    @Override
    public String toString() {
      return operation.operation.operationId()
          + " "
          + status
          + (example.isEmpty() ? "" : " " + example);
    }
  }

  static Stream<Documented> documentedResponses() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    String spec = Path.of(System.getProperty("segments.spec")).toUri().toString();
    OpenAPI api = new OpenAPIV3Parser().read(spec, null, options);
    List<Documented> documented = new ArrayList<>();
    api.getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations()
                    .forEach(operation -> documented.addAll(responsesOf(operation))));
    return documented.stream();
  }

  /**
   * One case per example of each response: its {@code example}, or each of its {@code examples}.
   */
  private static List<Documented> responsesOf(Operation spec) {
    ClientOperation operation = ClientOperation.of(spec.getOperationId());
    List<Documented> documented = new ArrayList<>();
    spec.getResponses()
        .forEach(
            (code, response) -> {
              int status = Integer.parseInt(code);
              Map<String, String> headers = headerExamples(response);
              MediaType json =
                  response.getContent() == null
                      ? null
                      : response.getContent().get("application/json");
              Map<String, Object> examples = new LinkedHashMap<>();
              if (json != null && json.getExamples() != null) {
                json.getExamples()
                    .forEach((name, example) -> examples.put(name, example.getValue()));
              }
              if (json != null && (json.getExample() != null || examples.isEmpty())) {
                examples.put("", json.getExample());
              }
              if (json == null) {
                documented.add(new Documented(operation, status, "", null, headers, 1));
              }
              examples.forEach(
                  (name, example) ->
                      documented.add(
                          new Documented(
                              operation,
                              status,
                              name,
                              toJson(example),
                              headers,
                              itemsIn(example))));
            });
    return documented;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedResponses")
  void everyDocumentedResponsePassesTheClientsChecks(Documented documented) {
    ClientOperation operation = documented.operation();
    ResponseDefinitionBuilder response = aResponse().withStatus(documented.status());
    documented.headers().forEach(response::withHeader);
    if (documented.body() != null) {
      response.withHeader("Content-Type", "application/json").withBody(documented.body());
    }
    wm.stubFor(
        request(operation.operation.method(), urlPathEqualTo(BASE + operation.path()))
            .willReturn(response));

    Object[] result = new Object[1];
    Throwable failure = catchThrowable(() -> result[0] = operation.call.apply(client));

    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    if (documented.status() / 100 == 2) {
      assertThat(failure).as("the documented %s", documented).isNull();
      assertThat(itemsOf(result[0])).isEqualTo(documented.items());
    } else {
      assertThat(failure).isExactlyInstanceOf(expectedType(documented.status()));
      assertThat(((SegmentsApiException) failure).status()).isEqualTo(documented.status());
    }
  }

  @Test
  void theSpecDocumentsAResponseWithAnExampleForEveryStatusOfEveryOperation() {
    List<Documented> all = documentedResponses().toList();

    assertThat(all.stream().map(d -> d.operation()).distinct()).hasSize(11);
    assertThat(all).hasSizeGreaterThan(90);
    assertThat(all)
        .filteredOn(d -> d.status() != 204)
        .allSatisfy(d -> assertThat(d.body()).as("example of %s", d).isNotNull());
  }

  private static Class<? extends SegmentsApiException> expectedType(int status) {
    return switch (status) {
      case 400 -> BadRequestException.class;
      case 401 -> UnauthorizedException.class;
      case 403 -> ForbiddenException.class;
      case 404 -> NotFoundException.class;
      case 409 -> ConflictException.class;
      case 413 -> PayloadTooLargeException.class;
      case 422 -> UnprocessableEntityException.class;
      case 429 -> RateLimitedException.class;
      default -> status >= 500 ? ServerErrorException.class : SegmentsApiException.class;
    };
  }

  private static int itemsOf(Object result) {
    if (result instanceof Page<?> page) {
      return page.items().size();
    }
    if (result instanceof ChunkedResult<?> chunked) {
      return chunked.items().size();
    }
    if (result instanceof List<?> list) {
      return list.size();
    }
    return 0;
  }

  /** The number of items in the example's {@code data}. */
  private static int itemsIn(Object example) {
    if (example == null) {
      return 0;
    }
    JsonNode data = Json.mapper().valueToTree(example).get("data");
    return data == null ? 0 : data.size();
  }

  private static Map<String, String> headerExamples(ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.getHeaders() != null) {
      for (Map.Entry<String, Header> header : response.getHeaders().entrySet()) {
        Object example = header.getValue().getExample();
        if (example == null && header.getValue().getSchema() != null) {
          example = header.getValue().getSchema().getExample();
        }
        if (example != null) {
          headers.put(header.getKey(), String.valueOf(example));
        }
      }
    }
    return headers;
  }

  private static String toJson(Object example) {
    if (example == null) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsString(example);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One client for every case. Its limiter hands out permits and ignores the pauses that the
   * examples' rate-limit headers ask for ({@code X-Rate-Limit-Requests-Left: 0}, a reset of 15 s):
   * pausing is not what this test is about.
   */
  @BeforeAll
  static void startClient() {
    ConcurrencyLimiter neverPaused =
        new ConcurrencyLimiter() {
          @Override
          public Optional<Permit> acquire(Duration timeout) {
            return Optional.of(() -> {});
          }

          @Override
          public int maxConcurrentRequests() {
            return 10;
          }
        };
    client =
        SegmentsClient.builder()
            .storeHash(STORE)
            .accessToken("example-test-token")
            .baseUri(URI.create(wm.baseUrl() + BASE))
            .concurrencyLimiter(neverPaused)
            .retryPolicy(RetryPolicy.none())
            .sleeper(duration -> {})
            .build();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }
}
