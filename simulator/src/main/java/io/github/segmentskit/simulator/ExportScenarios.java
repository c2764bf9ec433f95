package io.github.segmentskit.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The canned scenarios of the WireMock export. Every scenario of store {@value #STORE} starts from
 * the same store (three segments, two shopper profiles, the first profile in the first segment), so
 * the stubs describe one consistent store; {@value #RATE_LIMITED_STORE} is rate limited.
 */
final class ExportScenarios {

  static final String STORE = "abc123";
  static final String RATE_LIMITED_STORE = "ratelimited";
  static final String TOKEN = SimulatorConfig.DEV_TOKEN;
  static final String READ_ONLY_TOKEN = "read-only-token";
  static final String INVALID_TOKEN = "invalid-token";

  static final UUID WHOLESALE = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  static final UUID NEWSLETTER = UUID.fromString("9c2e7b1a-4d3f-4a8e-8b6c-1f0e2d3c4b5a");
  static final UUID TRADE = UUID.fromString("5b8d1c3e-2f4a-4b6c-8d9e-0a1b2c3d4e5f");
  static final UUID MISSING_SEGMENT = UUID.fromString("0b6a2c1e-5f4d-4e3b-9a8c-7d6e5f4a3b2c");
  static final UUID PROFILE_1042 = UUID.fromString("7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a");
  static final UUID PROFILE_1187 = UUID.fromString("c4f1e2d3-6a5b-4c7d-9e8f-1a2b3c4d5e6f");

  private static final Consumer<SimulatedStore> STANDARD =
      store ->
          store
              .putSegment(WHOLESALE, "Wholesale buyers", "Customers who order by the case.")
              .putSegment(NEWSLETTER, "Newsletter subscribers", "")
              .putSegment(TRADE, "Trade accounts", "Net-30 terms.")
              .putShopperProfile(PROFILE_1042, 1042)
              .putShopperProfile(PROFILE_1187, 1187)
              .addToSegment(WHOLESALE, PROFILE_1042);

  private ExportScenarios() {}

  static List<ExportScenario> all() {
    String members = "/segments/" + WHOLESALE + "/shopper-profiles";
    return List.of(
        ok("list-segments", "GET /segments: the first page", "GET", "/segments", Map.of(), 200),
        ok(
            "list-segments-page",
            "GET /segments?page=1&limit=2: a page of two",
            "GET",
            "/segments",
            Map.of("page", "1", "limit", "2"),
            200),
        ok(
            "list-segments-by-id",
            "GET /segments?id:in=...: only the segments named",
            "GET",
            "/segments",
            Map.of("id:in", WHOLESALE + "," + TRADE),
            200),
        write(
            "create-segments",
            "POST /segments: creates a segment",
            "POST",
            "/segments",
            "[{\"name\":\"Loyal customers\",\"description\":\"Ordered more than five times.\"}]",
            201),
        write(
            "create-segments-conflict",
            "POST /segments with a name already used: 409 ConflictResponse",
            "POST",
            "/segments",
            "[{\"name\":\"Wholesale buyers\"}]",
            409),
        write(
            "create-segments-missing-name",
            "POST /segments without a name: 422",
            "POST",
            "/segments",
            "[{\"description\":\"No name.\"}]",
            422),
        write(
            "update-segments",
            "PUT /segments: renames a segment",
            "PUT",
            "/segments",
            "[{\"id\":\"" + WHOLESALE + "\",\"name\":\"Wholesale and trade buyers\"}]",
            201),
        ok(
            "delete-segments",
            "DELETE /segments?id:in=...: deletes the segments named",
            "DELETE",
            "/segments",
            Map.of("id:in", NEWSLETTER + "," + TRADE),
            204),
        ok(
            "delete-segments-malformed-id",
            "DELETE /segments?id:in=not-a-uuid: 422, nothing deleted",
            "DELETE",
            "/segments",
            Map.of("id:in", "not-a-uuid"),
            422),
        ok(
            "list-shopper-profiles-in-segment",
            "GET /segments/{segmentId}/shopper-profiles",
            "GET",
            members,
            Map.of(),
            200),
        ok(
            "list-shopper-profiles-in-missing-segment",
            "GET /segments/{segmentId}/shopper-profiles of a segment that does not exist: 404",
            "GET",
            "/segments/" + MISSING_SEGMENT + "/shopper-profiles",
            Map.of(),
            404),
        write(
            "add-shopper-profiles-to-segment",
            "POST /segments/{segmentId}/shopper-profiles: adds a profile",
            "POST",
            members,
            "[\"" + PROFILE_1187 + "\"]",
            201),
        ok(
            "remove-shopper-profiles-from-segment",
            "DELETE /segments/{segmentId}/shopper-profiles?id:in=...: removes a profile",
            "DELETE",
            members,
            Map.of("id:in", PROFILE_1042.toString()),
            204),
        ok(
            "list-shopper-profiles",
            "GET /shopper-profiles",
            "GET",
            "/shopper-profiles",
            Map.of(),
            200),
        write(
            "create-shopper-profiles",
            "POST /shopper-profiles: creates a profile for a customer",
            "POST",
            "/shopper-profiles",
            "[{\"customer_id\":2001}]",
            201),
        ok(
            "delete-shopper-profiles",
            "DELETE /shopper-profiles?id:in=...: deletes the profiles named",
            "DELETE",
            "/shopper-profiles",
            Map.of("id:in", PROFILE_1187.toString()),
            204),
        ok(
            "list-segments-of-shopper-profile",
            "GET /shopper-profiles/{shopperProfileId}/segments",
            "GET",
            "/shopper-profiles/" + PROFILE_1042 + "/segments",
            Map.of(),
            200),
        scenario(
            "unauthorized-missing-token",
            "GET /segments without X-Auth-Token: 401",
            STORE,
            STANDARD,
            "GET",
            "/segments",
            null,
            null,
            401),
        scenario(
            "unauthorized-invalid-token",
            "GET /segments with an unknown X-Auth-Token (" + INVALID_TOKEN + "): 401",
            STORE,
            STANDARD,
            "GET",
            "/segments",
            INVALID_TOKEN,
            null,
            401),
        scenario(
            "forbidden-read-only-token",
            "POST /segments with a read-only token (" + READ_ONLY_TOKEN + "): 403",
            STORE,
            STANDARD,
            "POST",
            "/segments",
            READ_ONLY_TOKEN,
            "[{\"name\":\"Loyal customers\"}]",
            403),
        scenario(
            "rate-limited",
            "GET /segments of store "
                + RATE_LIMITED_STORE
                + ", rate limited for 30 s: 429 with the X-Rate-Limit-* headers",
            RATE_LIMITED_STORE,
            store -> store.rateLimitFor(Duration.ofSeconds(30)),
            "GET",
            "/segments",
            TOKEN,
            null,
            429));
  }

  private static ExportScenario ok(
      String name,
      String description,
      String method,
      String path,
      Map<String, String> query,
      int status) {
    return new ExportScenario(
        name, description, STORE, STANDARD, method, path, query, TOKEN, null, status);
  }

  private static ExportScenario write(
      String name, String description, String method, String path, String body, int status) {
    return scenario(name, description, STORE, STANDARD, method, path, TOKEN, body, status);
  }

  private static ExportScenario scenario(
      String name,
      String description,
      String storeHash,
      Consumer<SimulatedStore> given,
      String method,
      String path,
      String token,
      String body,
      int status) {
    return new ExportScenario(
        name, description, storeHash, given, method, path, Map.of(), token, body, status);
  }
}
