package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.ProviderStates.CUSTOMER_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_ID;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;

/**
 * The bodies and headers the consumer pacts expect, as matchers: a pact states the shape (UUIDs,
 * ISO date-times, integers, at least one item), not one sample. The examples are valid against the
 * spec, since the pact mock server answers with them and the spec check reads them.
 */
final class ContractBodies {
  /** Where the API lives on the mock server and in the pacts: the spec's {@code abc123} store. */
  static final String BASE = "/stores/abc123/v3";

  /** BigCommerce's documentation link in error bodies. */
  static final String ERROR_TYPE =
      "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

  /** ISO-8601 date-time in UTC, whole seconds, as the API writes them. */
  private static final String DATE_TIME = "yyyy-MM-dd'T'HH:mm:ssXXX";

  private static final Instant CREATED = Instant.parse("2023-11-10T09:15:30Z");
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private ContractBodies() {}

  /** The headers of a request without a body. */
  static Map<String, String> readHeaders(String token) {
    return Map.of("Accept", "application/json", "X-Auth-Token", token);
  }

  /** The headers of a request with a JSON body. */
  static Map<String, String> writeHeaders(String token) {
    return Map.of(
        "Accept", "application/json", "Content-Type", "application/json", "X-Auth-Token", token);
  }

  /** The headers of a JSON response. */
  static Map<String, String> jsonResponse() {
    return Map.of("Content-Type", "application/json");
  }

  /** A {@code Segment}. */
  static PactDslJsonBody segment(String name) {
    return segment(name, "Customers who order by the case.");
  }

  /** A {@code Segment} with this example description. */
  static PactDslJsonBody segment(String name, String description) {
    return new PactDslJsonBody()
        .uuid("id", SEGMENT_ID)
        .stringType("name", name)
        .stringType("description", description)
        .datetime("created_at", DATE_TIME, CREATED, UTC)
        .datetime("updated_at", DATE_TIME, CREATED, UTC);
  }

  /** A {@code ShopperProfile}. */
  static PactDslJsonBody shopperProfile() {
    return new PactDslJsonBody()
        .uuid("id", SHOPPER_PROFILE_ID)
        .integerType("customer_id", CUSTOMER_ID)
        .datetime("created_at", DATE_TIME, CREATED, UTC)
        .datetime("updated_at", DATE_TIME, CREATED, UTC);
  }

  /** A collection response: at least one item like {@code item}, and the pagination. */
  static PactDslJsonBody page(DslPart item) {
    return new PactDslJsonBody()
        .minArrayLike("data", 1, item, 1)
        .object(
            "meta",
            new PactDslJsonBody()
                .object(
                    "pagination",
                    new PactDslJsonBody()
                        .integerType("total", 1L)
                        .integerType("count", 1L)
                        .integerType("per_page", 50L)
                        .integerType("current_page", 1L)
                        .integerType("total_pages", 1L)));
  }

  /**
   * A write response: at least one item like {@code item}. {@code meta} (always {@code {}}) is left
   * out: the client does not read it.
   */
  static PactDslJsonBody written(DslPart item) {
    return new PactDslJsonBody().minArrayLike("data", 1, item, 1);
  }

  /** An {@code ErrorResponse}: the status and a title; nothing else is promised. */
  static PactDslJsonBody error(int status, String title) {
    return new PactDslJsonBody()
        .integerType("status", (long) status)
        .stringType("title", title)
        .stringType("type", ERROR_TYPE);
  }

  /** A {@code ConflictResponse} of a one-item request: nothing written, one error. */
  static PactDslJsonBody conflict(String title) {
    return new PactDslJsonBody()
        .array("data")
        .closeArray()
        .asBody()
        .minArrayLike(
            "errors",
            1,
            new PactDslJsonBody()
                .integerType("status", 409L)
                .stringType("title", title)
                .stringType("type", ERROR_TYPE),
            1)
        .object(
            "meta",
            new PactDslJsonBody()
                .integerType("total", 1L)
                .integerType("success", 0L)
                .integerType("failed", 1L));
  }
}
