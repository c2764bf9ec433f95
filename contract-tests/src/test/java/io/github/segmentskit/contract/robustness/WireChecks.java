package io.github.segmentskit.contract.robustness;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.segmentskit.contract.SpecValidation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Checks what went on the wire (a request WireMock logged) against the kit's spec. */
final class WireChecks {
  private static final OpenApiInteractionValidator VALIDATOR = SpecValidation.validator();
  private static final List<String> HEADERS = List.of("Accept", "Content-Type", "X-Auth-Token");

  private WireChecks() {}

  /** The spec validator's report on a logged request (method, path, query, headers, body). */
  static ValidationReport validate(LoggedRequest logged) {
    URI uri = URI.create(logged.getUrl());
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(logged.getMethod().getName(), uri.getRawPath());
    logged.getQueryParams().forEach((name, param) -> request.withQueryParam(name, param.values()));
    for (String header : HEADERS) {
      if (logged.containsHeader(header)) {
        request.withHeader(header, logged.getHeaders().getHeader(header).values());
      }
    }
    byte[] body = logged.getBody();
    if (body != null && body.length > 0) {
      request.withBody(new String(body, StandardCharsets.UTF_8));
    }
    return VALIDATOR.validateRequest(request.build());
  }

  /**
   * The report on a {@code PUT /segments} whose body is {@code json}, as a client would send it.
   */
  static ValidationReport validateUpdateBody(String json) {
    return VALIDATOR.validateRequest(
        SimpleRequest.Builder.put(SpecValidation.BASE_PATH + "/segments")
            .withHeader("Accept", "application/json")
            .withHeader("Content-Type", "application/json")
            .withHeader("X-Auth-Token", "any-token")
            .withBody(json)
            .build());
  }
}
