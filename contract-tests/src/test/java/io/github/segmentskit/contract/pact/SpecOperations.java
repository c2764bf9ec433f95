package io.github.segmentskit.contract.pact;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Which of the spec's eleven operations a request (method and path) is. */
public final class SpecOperations {
  private static final String BASE = "/stores/[A-Za-z0-9]+/v3";
  private static final String ID = "[^/]+";

  private static final Map<String, Pattern> OPERATIONS = new LinkedHashMap<>();

  static {
    add("GetPaginatedSegmentsList", "GET", "/segments");
    add("SegmentsPostRequest", "POST", "/segments");
    add("PutSegmentObjects", "PUT", "/segments");
    add("DeleteStoreSegment", "DELETE", "/segments");
    add("GetSegmentProfiles", "GET", "/segments/" + ID + "/shopper-profiles");
    add("PostShopperProfile", "POST", "/segments/" + ID + "/shopper-profiles");
    add("DeleteShopperProfile", "DELETE", "/segments/" + ID + "/shopper-profiles");
    add("GetShopperList", "GET", "/shopper-profiles");
    add("ShopperProfilesRequest", "POST", "/shopper-profiles");
    add("DeleteStoreShopperProfile", "DELETE", "/shopper-profiles");
    add("GetListShopperProfile", "GET", "/shopper-profiles/" + ID + "/segments");
  }

  private SpecOperations() {}

  private static void add(String operationId, String method, String path) {
    OPERATIONS.put(operationId, Pattern.compile(method + " " + BASE + path));
  }

  /** BigCommerce's eleven operationIds. */
  public static Set<String> all() {
    return OPERATIONS.keySet();
  }

  /** The operationId of {@code method path}, if it is one of the eleven. */
  public static Optional<String> of(String method, String path) {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    String request = method + " " + path;
    return OPERATIONS.entrySet().stream()
        .filter(operation -> operation.getValue().matcher(request).matches())
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
