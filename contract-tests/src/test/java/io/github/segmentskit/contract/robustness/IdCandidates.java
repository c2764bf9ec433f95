package io.github.segmentskit.contract.robustness;

import static io.github.segmentskit.contract.robustness.Gen.weighted;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Strings that are, or nearly are, canonical UUIDs, and the independent oracle that says which are
 * canonical: 8-4-4-4-12 ASCII hex digits, either case, nothing around them.
 */
final class IdCandidates {
  /** The oracle, written here and not taken from the client. */
  static final Pattern CANONICAL =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Characters that look like hex digits or dashes but are not ASCII ones. */
  private static final String LOOKALIKES = "gGzZ xé０٣Ａ‐–_:{}\t\n\u0000";

  private IdCandidates() {}

  static boolean isCanonical(String candidate) {
    return CANONICAL.matcher(candidate).matches();
  }

  /** Canonical UUIDs, near misses of many kinds, and plain random strings. */
  static Gen<String> any() {
    return Gen.frequency(
        weighted(3, canonical()),
        weighted(6, nearMisses()),
        weighted(1, Gen.unicodeStrings(0, 40)),
        weighted(2, Gen.strings("0123456789abcdefABCDEF-", 36, 36)));
  }

  /** Random UUIDs in lower, upper or mixed case. */
  static Gen<String> canonical() {
    Gen<UUID> uuids = Gen.uuids();
    Gen<Case> cases = Gen.elementOf(Case.values());
    return random -> cases.next(random).apply(uuids.next(random).toString());
  }

  static Gen<String> nearMisses() {
    Gen<String> base = canonical();
    Gen<Character> lookalikes = Gen.elementOf(LOOKALIKES.chars().mapToObj(c -> (char) c).toList());
    return Gen.oneOf(
        base.map(id -> id.substring(1)),
        base.map(id -> id + "0"),
        base.map(id -> id.substring(0, 35)),
        base.map(id -> "{" + id + "}"),
        base.map(id -> " " + id),
        base.map(id -> id + " "),
        base.map(id -> "\t" + id + "\n"),
        base.map(id -> id.replace("-", "")),
        base.map(id -> "urn:uuid:" + id),
        random -> moveADash(base.next(random), random.nextInt(35)),
        random -> {
          String id = base.next(random);
          int at = random.nextInt(36);
          return id.substring(0, at) + lookalikes.next(random) + id.substring(at + 1);
        },
        Gen.elementOf(
            List.of(
                "1-1-1-1-1",
                "0-0-0-0-0",
                "00000000-0000-0000-0000-00000000000",
                "00000000-0000-0000-0000-0000000000000",
                "00000000000000000000000000000000",
                "3fa85f64-5717-4562-b3fc-2c963f66afa",
                "3fa85f6-45717-4562-b3fc-2c963f66afa6",
                "3FA85F64-5717-4562-B3FC-2C963F66AFA6",
                "",
                " ",
                "null")));
  }

  /** Swaps the character at {@code at} with its right neighbour (moves a dash, if one is there). */
  private static String moveADash(String id, int at) {
    char[] chars = id.toCharArray();
    char kept = chars[at];
    chars[at] = chars[at + 1];
    chars[at + 1] = kept;
    return new String(chars);
  }

  private enum Case {
    LOWER {
      @Override
      String apply(String id) {
        return id.toLowerCase(Locale.ROOT);
      }
    },
    UPPER {
      @Override
      String apply(String id) {
        return id.toUpperCase(Locale.ROOT);
      }
    },
    MIXED {
      @Override
      String apply(String id) {
        StringBuilder mixed = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
          char c = id.charAt(i);
          mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
      }
    };

    abstract String apply(String id);
  }
}
