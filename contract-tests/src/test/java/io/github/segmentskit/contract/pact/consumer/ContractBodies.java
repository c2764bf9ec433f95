package io.github.segmentskit.contract.pact.consumer;

import static io.github.segmentskit.contract.pact.ProviderStates.SEGMENT_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.SHOPPER_PROFILE_ID;
import static io.github.segmentskit.contract.pact.ProviderStates.expression;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.generators.Category;
import au.com.dius.pact.core.model.generators.Generator;
import au.com.dius.pact.core.model.generators.ProviderStateGenerator;
import au.com.dius.pact.core.model.matchingrules.EqualsMatcher;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The bodies and headers the consumer pacts expect, as matchers. Two rules:
 *
 * <ul>
 *   <li><b>No more than the spec promises.</b> An item of a list promises only its {@code id} (the
 *       only field the spec requires of a segment or a shopper profile); an error body its {@code
 *       status} and {@code title}. A real store that leaves out an optional field passes.
 *   <li><b>Exact where a wrong provider would otherwise pass.</b> Every value taken from the
 *       provider state (ids, names, customer ids) is matched by equality, not by type ({@link
 *       #exact}); a filtered list is an array of exactly the expected items; an error body's {@code
 *       status} equals the response status; an update's changed field is compared literally.
 * </ul>
 *
 * The examples are valid against the spec, since the pact mock server answers with them and the
 * spec check reads them.
 */
final class ContractBodies {
  /** Where the API lives on the mock server and in the pacts: the spec's {@code abc123} store. */
  static final String BASE = "/stores/abc123/v3";

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

  /**
   * An item of an unfiltered list of segments: a segment has a UUID id; nothing else is promised.
   */
  static PactDslJsonBody anySegment() {
    return new PactDslJsonBody().uuid("id", SEGMENT_ID);
  }

  /** An item of an unfiltered list of shopper profiles: a UUID id; nothing else is promised. */
  static PactDslJsonBody anyShopperProfile() {
    return new PactDslJsonBody().uuid("id", SHOPPER_PROFILE_ID);
  }

  /**
   * A page of an unfiltered list, on a store that may hold anything: at least one item like {@code
   * item}, and the pagination (the spec requires its five fields).
   */
  static PactDslJsonBody page(DslPart item) {
    return withPagination(new PactDslJsonBody().minArrayLike("data", 1, item, 1));
  }

  /**
   * A page of a filtered list holding exactly one item: the one whose id the provider state names
   * under {@code key}. A provider that ignores the filter answers more items, or another, and
   * fails.
   */
  static PactDslJsonBody pageOfExactly(String key, String exampleId) {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonArray data = body.array("data");
    data.object().valueFromProviderState("id", expression(key), exampleId).closeObject();
    data.closeArray();
    return exact(withPagination(body));
  }

  /**
   * A write response ({@code data} and nothing else the client reads): exactly one item, built by
   * {@code item} (values from the provider state are matched exactly).
   */
  static PactDslJsonBody writtenExactly(Consumer<PactDslJsonBody> item) {
    PactDslJsonBody body = new PactDslJsonBody();
    PactDslJsonArray data = body.array("data");
    PactDslJsonBody written = data.object();
    item.accept(written);
    written.closeObject();
    data.closeArray();
    return exact(body);
  }

  /**
   * An {@code ErrorResponse}: {@code status} equal to the response's status (no matcher: compared
   * literally) and a {@code title}. The spec promises no field; BigCommerce documents both on every
   * error, and the client's exceptions carry them. {@code type} (a documentation link) is left out.
   */
  static PactDslJsonBody error(int status, String title) {
    return new PactDslJsonBody().numberValue("status", status).stringType("title", title);
  }

  /**
   * A 409 body of a one-item request: nothing written ({@code data} is empty), exactly one error
   * whose {@code status} is 409 (literally), and the counts.
   */
  static PactDslJsonBody conflict(String title) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.array("data").closeArray();
    PactDslJsonArray errors = body.array("errors");
    errors.object().numberValue("status", 409).stringType("title", title).closeObject();
    errors.closeArray();
    return body.object(
        "meta",
        new PactDslJsonBody()
            .integerType("total", 1L)
            .integerType("success", 0L)
            .integerType("failed", 1L));
  }

  /**
   * Values injected from the provider state are matched by equality. Pact JVM's {@code
   * valueFromProviderState} adds a type matcher, which would let any UUID pass where the state's id
   * is expected; this replaces it, path by path, with {@code equality}.
   */
  static <T extends DslPart> T exact(T body) {
    Map<String, Generator> generators = body.getGenerators().categoryFor(Category.BODY);
    if (generators != null) {
      generators.forEach(
          (path, generator) -> {
            if (generator instanceof ProviderStateGenerator) {
              body.getMatchers().setRule(path, EqualsMatcher.INSTANCE);
            }
          });
    }
    return body;
  }

  private static PactDslJsonBody withPagination(PactDslJsonBody body) {
    return body.object(
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
}
