package io.github.segmentskit.contract.strict;

import io.github.segmentskit.client.Operation;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Each of the eleven operations as a caller of {@code SegmentsClient} makes it, with valid input:
 * the shape of its 2xx body (none for deletes), its success status in the spec, and the name every
 * exception of it starts with. Chunked calls ({@code add}, {@code delete}, {@code remove}) rethrow
 * their chunk's failure ({@code orThrow()}).
 */
enum ClientOperation {
  LIST_SEGMENTS(
      Operation.LIST_SEGMENTS,
      200,
      Shape.SEGMENT_PAGE,
      c -> c.segments().list(PageParams.first()).execute()),
  CREATE_SEGMENTS(
      Operation.CREATE_SEGMENTS,
      201,
      Shape.SEGMENTS_WRITTEN,
      c -> c.segments().create(List.of(new SegmentPost().name("Wholesale buyers"))).execute()),
  UPDATE_SEGMENTS(
      Operation.UPDATE_SEGMENTS,
      200,
      Shape.SEGMENTS_WRITTEN,
      c -> c.segments().update(List.of(new SegmentPut().id(Ids.SEGMENT).name("VIP"))).execute()),
  DELETE_SEGMENTS(
      Operation.DELETE_SEGMENTS,
      204,
      null,
      c -> c.segments().delete(List.of(Ids.SEGMENT)).execute().orThrow()),
  LIST_SEGMENT_SHOPPER_PROFILES(
      Operation.LIST_SEGMENT_SHOPPER_PROFILES,
      200,
      Shape.PROFILE_PAGE,
      c -> c.segments().shopperProfiles(Ids.SEGMENT).list(PageParams.first()).execute()),
  ADD_SHOPPER_PROFILES_TO_SEGMENT(
      Operation.ADD_SHOPPER_PROFILES_TO_SEGMENT,
      201,
      Shape.PROFILES_ADDED,
      c -> c.segments().shopperProfiles(Ids.SEGMENT).add(List.of(Ids.PROFILE)).execute().orThrow()),
  REMOVE_SHOPPER_PROFILES_FROM_SEGMENT(
      Operation.REMOVE_SHOPPER_PROFILES_FROM_SEGMENT,
      204,
      null,
      c ->
          c.segments()
              .shopperProfiles(Ids.SEGMENT)
              .remove(List.of(Ids.PROFILE))
              .execute()
              .orThrow()),
  LIST_SHOPPER_PROFILES(
      Operation.LIST_SHOPPER_PROFILES,
      200,
      Shape.PROFILE_PAGE,
      c -> c.shopperProfiles().list(PageParams.first()).execute()),
  CREATE_SHOPPER_PROFILES(
      Operation.CREATE_SHOPPER_PROFILES,
      201,
      Shape.PROFILES_WRITTEN,
      c ->
          c.shopperProfiles()
              .create(List.of(new ShopperProfilePost().customerId(1042L)))
              .execute()),
  DELETE_SHOPPER_PROFILES(
      Operation.DELETE_SHOPPER_PROFILES,
      204,
      null,
      c -> c.shopperProfiles().delete(List.of(Ids.PROFILE)).execute().orThrow()),
  LIST_SHOPPER_PROFILE_SEGMENTS(
      Operation.LIST_SHOPPER_PROFILE_SEGMENTS,
      200,
      Shape.SEGMENT_PAGE,
      c -> c.shopperProfiles().segments(Ids.PROFILE).list(PageParams.first()).execute());

  final Operation operation;
  final int successStatus;
  final Shape shape;
  final Function<SegmentsClient, Object> call;

  ClientOperation(
      Operation operation, int successStatus, Shape shape, Function<SegmentsClient, Object> call) {
    this.operation = operation;
    this.successStatus = successStatus;
    this.shape = shape;
    this.call = call;
  }

  /** The operation of BigCommerce's operationId, e.g. {@code GetPaginatedSegmentsList}. */
  static ClientOperation of(String operationId) {
    for (ClientOperation candidate : values()) {
      if (candidate.operation.operationId().equals(operationId)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no operation " + operationId);
  }

  /**
   * The path below the base URI with the ids these calls use, e.g. {@code /segments/3fa8.../..}.
   */
  String path() {
    return operation
        .pathTemplate()
        .replace("{segmentId}", Ids.SEGMENT.toString())
        .replace("{shopperProfileId}", Ids.PROFILE.toString());
  }

  /** How the client names the call in messages: {@code GET /segments/3fa8.../shopper-profiles}. */
  String callName() {
    return operation.method() + " " + path();
  }

  /** The ids the calls use. */
  static final class Ids {
    static final UUID SEGMENT = UUID.fromString(BadBodies.SEGMENT_ID);
    static final UUID PROFILE = UUID.fromString(BadBodies.PROFILE_ID);

    private Ids() {}
  }
}
