package io.github.segmentskit.client;

import io.github.segmentskit.generated.model.ConflictError;
import io.github.segmentskit.generated.model.ConflictMeta;
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
  private final transient ConflictMeta meta;

  ConflictException(ErrorDetails details, List<ConflictError> itemErrors, ConflictMeta meta) {
    super(details);
    this.itemErrors = List.copyOf(itemErrors);
    this.meta = meta;
  }

  /** One error per failed item; empty when the body did not have BigCommerce's 409 shape. */
  public List<ConflictError> itemErrors() {
    return itemErrors;
  }

  /** {@code meta.total}: the number of items in the request, if the body said. */
  public Optional<Integer> total() {
    return meta == null ? Optional.empty() : Optional.ofNullable(meta.getTotal());
  }

  /** {@code meta.success}: the number of items written, if the body said. */
  public Optional<Integer> succeeded() {
    return meta == null ? Optional.empty() : Optional.ofNullable(meta.getSuccess());
  }

  /** {@code meta.failed}: the number of items that failed, if the body said. */
  public Optional<Integer> failed() {
    return meta == null ? Optional.empty() : Optional.ofNullable(meta.getFailed());
  }
}
