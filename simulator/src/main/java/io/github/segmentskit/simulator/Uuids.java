package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Strict parsing of ids: only the canonical 8-4-4-4-12 hexadecimal form (either case) is an id.
 *
 * <p>{@link UUID#fromString(String)} is never used on input: it accepts non-canonical strings such
 * as {@code 1-1-1-1-1}, which the API rejects.
 */
final class Uuids {

  private static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {}

  /** Returns the id {@code text} denotes, or empty unless it is a canonical UUID. */
  static Optional<UUID> parse(String text) {
    requireNonNull(text, "text == null");
    if (!CANONICAL.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }

  /**
   * Random version-4 UUIDs from a {@link Random} with this seed: the same sequence every time, for
   * reproducible output (the WireMock export). Thread-safe.
   */
  static Supplier<UUID> seeded(long seed) {
    Random random = new Random(seed);
    return () -> {
      long most;
      long least;
      synchronized (random) {
        most = random.nextLong();
        least = random.nextLong();
      }
      most = (most & ~0xF000L) | 0x4000L; // version 4
      least = (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
      return new UUID(most, least);
    };
  }

  /** Whether {@code text} is a canonical UUID. */
  static boolean isCanonical(String text) {
    return text != null && CANONICAL.matcher(text).matches();
  }
}
