package io.github.segmentskit.client.exception;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.generated.model.ConflictError;
import java.util.List;
import java.util.Optional;

/**
 * The API answered 409 Conflict, e.g. a segment name already in use. BigCommerce's 409 body lists
 * one error per failed item and counts of the items: {@link #itemErrors()}, {@link #total()},
 * {@link #succeeded()}, {@link #failed()}.
 */
public final class ConflictException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConflictError> itemErrors;
  private final Integer total;
  private final Integer succeeded;
  private final Integer failed;

  /**
   * An exception for {@code error} with the body's per-item errors and counts (null where the body
   * did not say).
   */
  public ConflictException(
      ApiError error,
      List<ConflictError> itemErrors,
      Integer total,
      Integer succeeded,
      Integer failed) {
    super(error, messageOf(error, itemErrors));
    this.itemErrors = List.copyOf(requireNonNull(itemErrors, "itemErrors == null"));
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
