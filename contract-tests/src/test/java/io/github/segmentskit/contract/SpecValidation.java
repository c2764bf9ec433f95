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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
final class SpecValidation {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(
              Objects.requireNonNull(System.getProperty("segments.spec"), "segments.spec not set"))
          .withBasePathOverride(Fixtures.BASE_PATH)
          .build();

  private SpecValidation() {}

  /** Asserts that every served request (faults excluded: they have no response) fits the spec. */
  static void assertAllInteractionsMatchSpec(WireMockExtension wireMock) {
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
