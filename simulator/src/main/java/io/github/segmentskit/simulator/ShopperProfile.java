package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper profile as the simulator stores it (an immutable snapshot).
 *
 * @param id the server-generated (or test-fixed) id
 * @param customerId the id of the customer the profile belongs to (one profile per customer)
 * @param createdAt when it was created (whole seconds, UTC)
 * @param updatedAt when it was last changed (whole seconds, UTC)
 */
public record ShopperProfile(UUID id, long customerId, Instant createdAt, Instant updatedAt) {

  /** Checks that no component is null. */
  public ShopperProfile {
    requireNonNull(id, "id == null");
    requireNonNull(createdAt, "createdAt == null");
    requireNonNull(updatedAt, "updatedAt == null");
  }
}
