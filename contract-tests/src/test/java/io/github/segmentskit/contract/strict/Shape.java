package io.github.segmentskit.contract.strict;

/** The shapes of the 2xx bodies the spec promises, one per response schema. */
enum Shape {
  /** {@code SegmentsCollectionResponse}: a page of segments. */
  SEGMENT_PAGE(true, true, true),
  /** {@code ShopperProfilesCollectionResponse}: a page of shopper profiles. */
  PROFILE_PAGE(false, true, true),
  /** {@code SegmentsWriteResponse}: the segments written. */
  SEGMENTS_WRITTEN(true, false, true),
  /** {@code ShopperProfilesWriteResponse}: the profiles created. */
  PROFILES_WRITTEN(false, false, true),
  /** {@code SegmentShopperProfilesAddResponse}: the profiles added; no {@code meta}. */
  PROFILES_ADDED(false, false, false);

  final boolean segments;
  final boolean paged;
  final boolean hasMeta;

  Shape(boolean segments, boolean paged, boolean hasMeta) {
    this.segments = segments;
    this.paged = paged;
    this.hasMeta = hasMeta;
  }
}
