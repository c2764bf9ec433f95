package io.github.segmentskit.simulator;

/** The eleven operations of the Segments API, named by their operationIds in the spec. */
public enum Operation {
  /** {@code GET /segments}. */
  GET_PAGINATED_SEGMENTS_LIST("GetPaginatedSegmentsList", "GET", Scope.READ_ONLY),
  /** {@code POST /segments}. */
  SEGMENTS_POST_REQUEST("SegmentsPostRequest", "POST", Scope.MODIFY),
  /** {@code PUT /segments}. */
  PUT_SEGMENT_OBJECTS("PutSegmentObjects", "PUT", Scope.MODIFY),
  /** {@code DELETE /segments}: without {@code id:in} it deletes every segment. */
  DELETE_STORE_SEGMENT("DeleteStoreSegment", "DELETE", Scope.MODIFY),
  /** {@code GET /segments/{segmentId}/shopper-profiles}: needs modify, unlike the other reads. */
  GET_SEGMENT_PROFILES("GetSegmentProfiles", "GET", Scope.MODIFY),
  /** {@code POST /segments/{segmentId}/shopper-profiles}. */
  POST_SHOPPER_PROFILE("PostShopperProfile", "POST", Scope.MODIFY),
  /** {@code DELETE /segments/{segmentId}/shopper-profiles}: without {@code id:in} it empties it. */
  DELETE_SHOPPER_PROFILE("DeleteShopperProfile", "DELETE", Scope.MODIFY),
  /** {@code GET /shopper-profiles}. */
  GET_SHOPPER_LIST("GetShopperList", "GET", Scope.READ_ONLY),
  /** {@code POST /shopper-profiles}. */
  SHOPPER_PROFILES_REQUEST("ShopperProfilesRequest", "POST", Scope.MODIFY),
  /** {@code DELETE /shopper-profiles}: without {@code id:in} it deletes every shopper profile. */
  DELETE_STORE_SHOPPER_PROFILE("DeleteStoreShopperProfile", "DELETE", Scope.MODIFY),
  /** {@code GET /shopper-profiles/{shopperProfileId}/segments}. */
  GET_LIST_SHOPPER_PROFILE("GetListShopperProfile", "GET", Scope.READ_ONLY);

  /** The OAuth scope an operation needs. */
  enum Scope {
    READ_ONLY,
    MODIFY
  }

  private final String operationId;
  private final String method;
  private final Scope scope;

  Operation(String operationId, String method, Scope scope) {
    this.operationId = operationId;
    this.method = method;
    this.scope = scope;
  }

  /** The operationId in the spec, e.g. {@code GetPaginatedSegmentsList}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Whether the operation needs the modify scope (a read-only token is answered with 403). */
  public boolean needsModifyScope() {
    return scope == Scope.MODIFY;
  }

  /** Whether this is one of the three DELETE operations that delete everything without id:in. */
  public boolean isBulkDelete() {
    return this == DELETE_STORE_SEGMENT
        || this == DELETE_SHOPPER_PROFILE
        || this == DELETE_STORE_SHOPPER_PROFILE;
  }
}
