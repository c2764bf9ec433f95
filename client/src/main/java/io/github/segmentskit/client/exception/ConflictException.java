package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.generated.model.ConflictError;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.List;
import java.util.Optional;

/**
 * The API answered 409 Conflict, e.g. a segment name already in use, or a shopper profile already
 * in the segment. BigCommerce's 409 body lists one error per refused item ({@link #itemErrors()}),
 * counts of the items ({@link #total()}, {@link #succeeded()}, {@link #failed()}) and the items
 * that were written anyway: {@link #createdSegments()} for {@code POST /segments}, {@link
 * #addedShopperProfiles()} for {@code POST /segments/{id}/shopper-profiles}. A partial success is
 * still a success for those items: do not send them again.
 */
public final class ConflictException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConflictError> itemErrors;
  private final transient List<Segment> createdSegments;
  private final transient List<ShopperProfile> addedShopperProfiles;
  private final Integer total;
  private final Integer succeeded;
  private final Integer failed;

  /**
   * An exception for {@code error} with the body's per-item errors, the items written anyway
   * (segments or shopper profiles; empty lists where the body had none) and the counts (null where
   * the body did not say).
   */
  public ConflictException(
      ApiError error,
      List<ConflictError> itemErrors,
      List<Segment> createdSegments,
      List<ShopperProfile> addedShopperProfiles,
      Integer total,
      Integer succeeded,
      Integer failed) {
    super(error, messageOf(error, itemErrors));
    this.itemErrors = List.copyOf(requireNonNull(itemErrors, "itemErrors == null"));
    this.createdSegments = List.copyOf(requireNonNull(createdSegments, "createdSegments == null"));
    this.addedShopperProfiles =
        List.copyOf(requireNonNull(addedShopperProfiles, "addedShopperProfiles == null"));
    this.total = total;
    this.succeeded = succeeded;
    this.failed = failed;
  }

  private static String messageOf(ApiError error, List<ConflictError> itemErrors) {
    requireNonNull(error, "error == null");
    String message = error.message();
    if (error.title().isPresent() || itemErrors == null) {
      return message;
    }
    List<String> titles =
        itemErrors.stream()
            .map(item -> item == null ? null : item.getTitle())
            .filter(title -> title != null && !title.isBlank())
            .toList();
    return titles.isEmpty() ? message : message + ": " + String.join("; ", titles);
  }

  /** One error per failed item; empty when the body did not have BigCommerce's 409 shape. */
  public List<ConflictError> itemErrors() {
    return itemErrors;
  }

  /** The segments a {@code POST /segments} created although others were refused. */
  public List<Segment> createdSegments() {
    return createdSegments;
  }

  /** The shopper profiles an add put in the segment although others were refused. */
  public List<ShopperProfile> addedShopperProfiles() {
    return addedShopperProfiles;
  }

  /** {@code meta.total}: the number of items in the request, if the body said. */
  public Optional<Integer> total() {
    return Optional.ofNullable(total);
  }

  /** {@code meta.success}: the number of items written, if the body said. */
  public Optional<Integer> succeeded() {
    return Optional.ofNullable(succeeded);
  }

  /** {@code meta.failed}: the number of items that failed, if the body said. */
  public Optional<Integer> failed() {
    return Optional.ofNullable(failed);
  }
}
