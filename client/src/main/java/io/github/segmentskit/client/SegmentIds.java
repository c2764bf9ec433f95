package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Strict parsing of the ids the API uses (segment and shopper-profile ids): canonical UUIDs only,
 * 8-4-4-4-12 hexadecimal digits, upper or lower case.
 *
 * <p>{@code java.util.UUID.fromString} is not used on input: it accepts forms such as {@code
 * 1-1-1-1-1} that the API would reject.
 */
public final class SegmentIds {
  private static final int LENGTH = 36;

  private SegmentIds() {}

  /**
   * Parses every id of {@code ids}.
   *
   * @throws SegmentsValidationException naming every bad item by index and value, e.g. {@code
   *     ids[1] "abc" is not a canonical UUID; ids[3] null is not a canonical UUID}
   */
  public static List<UUID> parse(List<String> ids) {
    return parse("ids", ids);
  }

  /** Parses the ids given as arguments; see {@link #parse(List)}. */
  public static List<UUID> parse(String... ids) {
    requireNonNull(ids, "ids == null");
    return parse("ids", Arrays.asList(ids));
  }

  /**
   * Parses one id; {@code name} names it in the message, e.g. {@code segmentId "abc" is not a
   * canonical UUID}.
   */
  public static UUID parseOne(String name, String id) {
    requireNonNull(name, "name == null");
    UUID uuid = id == null ? null : parseOrNull(id);
    if (uuid == null) {
      throw new SegmentsValidationException(problem(name, id));
    }
    return uuid;
  }

  /** True if {@code id} is a canonical UUID. */
  public static boolean isCanonical(String id) {
    return id != null && parseOrNull(id) != null;
  }

  static List<UUID> parse(String name, List<String> ids) {
    requireNonNull(ids, name + " == null");
    List<UUID> result = new ArrayList<>(ids.size());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      UUID uuid = id == null ? null : parseOrNull(id);
      if (uuid == null) {
        problems.add(problem(name + "[" + i + "]", id));
      } else {
        result.add(uuid);
      }
    }
    if (!problems.isEmpty()) {
      throw new SegmentsValidationException(problems);
    }
    return List.copyOf(result);
  }

  private static String problem(String where, String id) {
    return where + " " + (id == null ? "null" : "\"" + id + "\"") + " is not a canonical UUID";
  }

  private static UUID parseOrNull(String id) {
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
      int value = Character.digit(c, 16);
      if (value < 0 || c > 'f') {
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
}
