package io.github.segmentskit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every request the client sent and every response WireMock gave against {@code
 * openapi/segments.v3.yaml} (system property {@code segments.spec}).
 *
 * <p>Why not Atlassian's {@code OpenApiValidationListener} from swagger-request-validator-wiremock:
 * that module is built against WireMock 2 ({@code com.github.tomakehurst:wiremock-jre8}, excluded
 * in the parent pom) and plugs in as a WireMock 2 {@code RequestListener}, which WireMock 3 has
 * deprecated in favour of {@code ServeEventListener}; it also validates while the request is being
 * served, where a failure surfaces as a 500 to the client rather than as a test failure. So we use
 * {@link OpenApiInteractionValidator} of -core directly, after the test, on WireMock's {@code
 * getAllServeEvents()}: each {@code LoggedRequest}/{@code LoggedResponse} becomes a {@code
 * SimpleRequest}/{@code SimpleResponse}. The spec's server URL is {@code
 * https://api.bigcommerce.com/stores/{store_hash}/v3} and the tests serve {@code
 * /stores/abc123/v3}: {@code withBasePathOverride} tells the validator so.
 */
public final class SpecValidation {
  /** The store every suite talks to; the spec's server URL has it as the store_hash variable. */
  public static final String STORE_HASH = "abc123";

  /**
   * Where the API lives below a server's root: the spec server URL's path for {@link #STORE_HASH}.
   */
  public static final String BASE_PATH = "/stores/" + STORE_HASH + "/v3";

  private static final OpenApiInteractionValidator VALIDATOR = validator();

  private SpecValidation() {}

  /** The spec file, from system property {@code segments.spec} (set by Surefire and Failsafe). */
  public static Path spec() {
    String configured = System.getProperty("segments.spec");
    if (configured == null) {
      throw new IllegalStateException("system property segments.spec is not set");
    }
    Path spec = Path.of(configured);
    if (!Files.isRegularFile(spec)) {
      throw new IllegalStateException("spec not found at " + spec.toAbsolutePath());
    }
    return spec;
  }

  /**
   * A validator of requests and responses under {@link #BASE_PATH}. Unknown fields in bodies are
   * errors (Atlassian's default), so a pact or a stub cannot drift from the spec by adding fields.
   */
  public static OpenApiInteractionValidator validator() {
    return OpenApiInteractionValidator.createForSpecificationUrl(spec().toUri().toString())
        .withBasePathOverride(BASE_PATH)
        .withStrictOperationPathMatching()
        .build();
  }

  /** Asserts that every served request (faults excluded: they have no response) fits the spec. */
  public static void assertAllInteractionsMatchSpec(WireMockExtension wireMock) {
    List<String> problems = new ArrayList<>();
    for (ServeEvent event : wireMock.getAllServeEvents()) {
      if (event.getResponseDefinition() != null
          && event.getResponseDefinition().getFault() != null) {
        continue;
      }
      LoggedRequest request = event.getRequest();
      ValidationReport report = VALIDATOR.validate(request(request), response(event.getResponse()));
      if (report.hasErrors()) {
        problems.add(
            request.getMethod()
                + " "
                + request.getUrl()
                + " -> "
                + event.getResponse().getStatus()
                + ": "
                + report.getMessages());
      }
    }
    assertThat(problems).as("interactions that break openapi/segments.v3.yaml").isEmpty();
  }

  private static SimpleRequest request(LoggedRequest logged) {
    String url = logged.getUrl();
    int question = url.indexOf('?');
    String path = question < 0 ? url : url.substring(0, question);
    SimpleRequest.Builder builder = new SimpleRequest.Builder(logged.getMethod().getName(), path);
    if (question >= 0) {
      for (String pair : url.substring(question + 1).split("&")) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        builder.withQueryParam(name, value);
      }
    }
    for (HttpHeader header : logged.getHeaders().all()) {
      builder.withHeader(header.key(), header.values());
    }
    if (logged.getBody() != null && logged.getBody().length > 0) {
      builder.withBody(logged.getBodyAsString());
    }
    return builder.build();
  }

  private static SimpleResponse response(LoggedResponse logged) {
    SimpleResponse.Builder builder = new SimpleResponse.Builder(logged.getStatus());
    if (logged.getHeaders() != null) {
      for (HttpHeader header : logged.getHeaders().all()) {
        builder.withHeader(header.key(), header.values());
      }
    }
    String body = logged.getBodyAsString();
    if (body != null && !body.isEmpty()) {
      builder.withBody(body);
    }
    return builder.build();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
