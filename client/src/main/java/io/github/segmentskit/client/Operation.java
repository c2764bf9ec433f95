package io.github.segmentskit.client;

/**
 * The eleven operations of the Segments API, with BigCommerce's operationIds; what an {@link
 * EventListener} and every exception name.
 */
public enum Operation {
  /** {@code GET /segments}. */
  LIST_SEGMENTS("GET", "/segments", "GetPaginatedSegmentsList"),
  /** {@code POST /segments}. */
  CREATE_SEGMENTS("POST", "/segments", "SegmentsPostRequest"),
  /** {@code PUT /segments}. */
  UPDATE_SEGMENTS("PUT", "/segments", "PutSegmentObjects"),
  /** {@code DELETE /segments}. */
  DELETE_SEGMENTS("DELETE", "/segments", "DeleteStoreSegment"),
  /** {@code GET /segments/{segmentId}/shopper-profiles}. */
  LIST_SEGMENT_SHOPPER_PROFILES(
      "GET", "/segments/{segmentId}/shopper-profiles", "GetSegmentProfiles"),
  /** {@code POST /segments/{segmentId}/shopper-profiles}. */
  ADD_SHOPPER_PROFILES_TO_SEGMENT(
      "POST", "/segments/{segmentId}/shopper-profiles", "PostShopperProfile"),
  /** {@code DELETE /segments/{segmentId}/shopper-profiles}. */
  REMOVE_SHOPPER_PROFILES_FROM_SEGMENT(
      "DELETE", "/segments/{segmentId}/shopper-profiles", "DeleteShopperProfile"),
  /** {@code GET /shopper-profiles}. */
  LIST_SHOPPER_PROFILES("GET", "/shopper-profiles", "GetShopperList"),
  /** {@code POST /shopper-profiles}. */
  CREATE_SHOPPER_PROFILES("POST", "/shopper-profiles", "ShopperProfilesRequest"),
  /** {@code DELETE /shopper-profiles}. */
  DELETE_SHOPPER_PROFILES("DELETE", "/shopper-profiles", "DeleteStoreShopperProfile"),
  /** {@code GET /shopper-profiles/{shopperProfileId}/segments}. */
  LIST_SHOPPER_PROFILE_SEGMENTS(
      "GET", "/shopper-profiles/{shopperProfileId}/segments", "GetListShopperProfile");

  private final String method;
  private final String pathTemplate;
  private final String operationId;

  Operation(String method, String pathTemplate, String operationId) {
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.operationId = operationId;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path below the base URI, with its parameter in braces, e.g. {@code /segments}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** BigCommerce's operationId, e.g. {@code PutSegmentObjects}. */
  public String operationId() {
    return operationId;
  }

  /** True for GET, PUT and DELETE, which the API may safely receive twice. */
  public boolean idempotent() {
    return !method.equals("POST");
  }

  /** The path with its one path parameter (if any) filled in. */
  String path(Object pathParameter) {
    int open = pathTemplate.indexOf('{');
    if (open < 0 || pathParameter == null) {
      return pathTemplate;
    }
    int close = pathTemplate.indexOf('}', open);
    return pathTemplate.substring(0, open) + pathParameter + pathTemplate.substring(close + 1);
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate;
  }
}
