package io.github.segmentskit.contract.robustness;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Runs a check on inputs drawn from a generator with a fixed seed. Try {@code i} draws from the
 * {@code i}-th split of {@code new SplittableRandom(seed)}, so its input depends only on the seed
 * and {@code i}: a failure names both, and rerunning that seed gives the same input again.
 */
final class Tries {
  private static final int MAX_SHOWN = 2_000;

  /** The seeds every property runs with, as a {@code @MethodSource} reference. */
  static final String SEEDS = "io.github.segmentskit.contract.robustness.Tries#seeds";

  private Tries() {}

  /** Every property runs once per seed; a failure names its seed, try and input. */
  static LongStream seeds() {
    return LongStream.of(1L, 20_261_127L, 7_919L, -4_242_424_242L);
  }

  /** A check of one input; returns whether the code under test accepts it. */
  @FunctionalInterface
  interface Check<T> {
    boolean accepts(T input) throws Exception;
  }

  /** How many inputs were accepted and how many rejected. */
  record Tally(int accepted, int rejected) {}

  /**
   * Checks {@code tries} inputs from {@code gen}. Fails on the first failing check, naming the
   * seed, the try and the input; and fails if the inputs were all accepted or all rejected (a check
   * that never saw both verdicts proves little).
   */
  static <T> Tally run(long seed, int tries, Gen<? extends T> gen, Check<? super T> check) {
    requireNonNull(gen, "gen == null");
    requireNonNull(check, "check == null");
    SplittableRandom seeds = new SplittableRandom(seed);
    int accepted = 0;
    for (int i = 0; i < tries; i++) {
      T input = null;
      boolean generated = false;
      boolean accepts;
      try {
        input = gen.next(seeds.split());
        generated = true;
        accepts = check.accepts(input);
      } catch (Exception | AssertionError failure) {
        throw new AssertionError(
            "seed "
                + seed
                + ", try "
                + i
                + " of "
                + tries
                + (generated ? ", input " + show(input) : ", generating the input")
                + ":\n"
                + failure,
            failure);
      }
      if (accepts) {
        accepted++;
      }
    }
    Tally tally = new Tally(accepted, tries - accepted);
    if (tally.accepted() == 0 || tally.rejected() == 0) {
      throw new AssertionError(
          "seed " + seed + ": the inputs were not a mix of accepted and rejected: " + tally);
    }
    return tally;
  }

  /** An input as a failure shows it: strings quoted and escaped, lists with their size. */
  static String show(Object input) {
    String shown;
    if (input instanceof String text) {
      shown = quote(text);
    } else if (input instanceof List<?> list) {
      shown =
          list.size()
              + " items "
              + list.stream().map(Tries::show).collect(Collectors.joining(", ", "[", "]"));
    } else {
      shown = String.valueOf(input).replaceAll("\\s*\\n\\s*", " ");
    }
    return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "...";
  }

  /** A Java string literal: control and non-ASCII characters as {@code \\uXXXX}. */
  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
