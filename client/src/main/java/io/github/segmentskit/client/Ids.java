package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The strict parser for ids that arrive as text (segment and shopper-profile ids): canonical UUIDs
 * only, 8-4-4-4-12 hexadecimal digits, upper or lower case. The same rule applies to ids the client
 * reads from responses.
 *
 * <p>{@code java.util.UUID.fromString} is not used on input: it accepts {@code 1-1-1-1-1}, which
 * the API would reject. Also refused: braces, spaces, the {@code urn:uuid:} form, 32 digits without
 * dashes.
 */
public final class Ids {
  private static final int LENGTH = 36;

  private Ids() {}

  /**
   * Parses one id.
   *
   * @throws SegmentsValidationException if {@code id} is null or not a canonical UUID, e.g. {@code
   *     id "abc" is not a canonical UUID}
   */
  public static UUID parse(String id) {
    UUID uuid = id == null ? null : parseOrNull(id);
    if (uuid == null) {
      throw new SegmentsValidationException(problem("id", id));
    }
    return uuid;
  }

  /**
   * Parses every id, in order.
   *
   * @throws SegmentsValidationException naming every bad item by index and value, e.g. {@code
   *     ids[1] "abc" is not a canonical UUID; ids[3] null is not a canonical UUID}
   */
  public static List<UUID> parseAll(Collection<String> ids) {
    requireNonNull(ids, "ids == null");
    List<UUID> result = new ArrayList<>(ids.size());
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (String id : ids) {
      UUID uuid = id == null ? null : parseOrNull(id);
      if (uuid == null) {
        problems.add(problem("ids[" + i + "]", id));
      } else {
        result.add(uuid);
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
    return List.copyOf(result);
  }

  /** True if {@code id} is a canonical UUID. */
  public static boolean isCanonical(String id) {
    return id != null && parseOrNull(id) != null;
  }

  static String problem(String where, String id) {
    return where
        + " "
        + (id == null ? "null" : "\"" + abbreviate(id) + "\"")
        + " is not a canonical UUID";
  }

  private static String abbreviate(String id) {
    return id.length() <= 64 ? id : id.substring(0, 64) + "...";
  }

  /** The UUID of a canonical id, or null. */
  static UUID parseOrNull(String id) {
    if (id.length() != LENGTH) {
      return null;
    }
    long most = 0;
    long least = 0;
    int digits = 0;
    for (int i = 0; i < LENGTH; i++) {
      char c = id.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return null;
        }
        continue;
      }
      int value = hex(c);
      if (value < 0) {
        return null;
      }
      if (digits < 16) {
        most = (most << 4) | value;
      } else {
        least = (least << 4) | value;
      }
      digits++;
    }
    return new UUID(most, least);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
