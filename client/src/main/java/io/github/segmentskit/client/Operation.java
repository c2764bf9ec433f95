package io.github.segmentskit.client;

/** The eleven operations of the Segments API, with BigCommerce's operationIds. */
enum Operation {
  LIST_SEGMENTS("GET", "/segments", "GetPaginatedSegmentsList"),
  CREATE_SEGMENTS("POST", "/segments", "SegmentsPostRequest"),
  UPDATE_SEGMENTS("PUT", "/segments", "PutSegmentObjects"),
  DELETE_SEGMENTS("DELETE", "/segments", "DeleteStoreSegment"),
  LIST_SEGMENT_SHOPPER_PROFILES(
      "GET", "/segments/{segmentId}/shopper-profiles", "GetSegmentProfiles"),
  ADD_SHOPPER_PROFILES_TO_SEGMENT(
      "POST", "/segments/{segmentId}/shopper-profiles", "PostShopperProfile"),
  REMOVE_SHOPPER_PROFILES_FROM_SEGMENT(
      "DELETE", "/segments/{segmentId}/shopper-profiles", "DeleteShopperProfile"),
  LIST_SHOPPER_PROFILES("GET", "/shopper-profiles", "GetShopperList"),
  CREATE_SHOPPER_PROFILES("POST", "/shopper-profiles", "ShopperProfilesRequest"),
  DELETE_SHOPPER_PROFILES("DELETE", "/shopper-profiles", "DeleteStoreShopperProfile"),
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

  String method() {
    return method;
  }

  String operationId() {
    return operationId;
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
}
