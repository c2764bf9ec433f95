package io.github.segmentskit.contract.robustness;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

/**
 * A generator of random test inputs: a value from a seeded {@link SplittableRandom}, so the same
 * seed gives the same values. Lambdas combine generators; the methods here cover the common cases.
 */
@FunctionalInterface
interface Gen<T> {
  T next(SplittableRandom random);

  default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
    requireNonNull(mapper, "mapper == null");
    return random -> mapper.apply(next(random));
  }

  /** This generator's values, or null with the given probability. */
  default Gen<T> orNull(double probability) {
    return random -> random.nextDouble() < probability ? null : next(random);
  }

  /** Lists of {@code minSize} to {@code maxSize} (inclusive) of this generator's values. */
  default Gen<List<T>> list(int minSize, int maxSize) {
    Gen<Integer> sizes = ints(minSize, maxSize);
    return random -> {
      int size = sizes.next(random);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(next(random));
      }
      return Collections.unmodifiableList(values);
    };
  }

  /** Ints from {@code min} to {@code max}, both inclusive. */
  static Gen<Integer> ints(int min, int max) {
    checkRange(min, max);
    return random -> (int) (min + random.nextLong((long) max - min + 1));
  }

  /** Longs from {@code min} to {@code max}, both inclusive. */
  static Gen<Long> longs(long min, long max) {
    checkRange(min, max);
    if (max < Long.MAX_VALUE) {
      return random -> random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random -> random.nextLong(min - 1, max) + 1;
    }
    return SplittableRandom::nextLong;
  }

  static Gen<UUID> uuids() {
    return random -> new UUID(random.nextLong(), random.nextLong());
  }

  /** Strings of {@code minLength} to {@code maxLength} characters, each one of {@code chars}. */
  static Gen<String> strings(String chars, int minLength, int maxLength) {
    requireNonNull(chars, "chars == null");
    if (chars.isEmpty()) {
      throw new IllegalArgumentException("chars is empty");
    }
    Gen<Integer> lengths = ints(minLength, maxLength);
    return random -> {
      int length = lengths.next(random);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(chars.charAt(random.nextInt(chars.length())));
      }
      return text.toString();
    };
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} code points of any kind: mostly ASCII
   * (control characters included), then the rest of the Basic Multilingual Plane, then the
   * supplementary planes (emoji and the like). No lone surrogates: every value is valid Unicode.
   */
  static Gen<String> unicodeStrings(int minLength, int maxLength) {
    Gen<Integer> lengths = ints(minLength, maxLength);
    Gen<Integer> codePoints =
        frequency(
            weighted(4, ints(0, 0x7f)),
            weighted(2, ints(0x80, Character.MIN_SURROGATE - 1)),
            weighted(1, ints(Character.MAX_SURROGATE + 1, 0xffff)),
            weighted(1, ints(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT)));
    return random -> {
      int length = lengths.next(random);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(codePoints.next(random));
      }
      return text.toString();
    };
  }

  /** One of {@code values}, each as likely as the others. */
  static <T> Gen<T> elementOf(List<? extends T> values) {
    List<? extends T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("values is empty");
    }
    return random -> copy.get(random.nextInt(copy.size()));
  }

  @SafeVarargs
  static <T> Gen<T> elementOf(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) {
      list.add(value);
    }
    return elementOf(list);
  }

  /** A value of one of {@code gens}, each as likely as the others. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> choices = new ArrayList<>(gens.length);
    for (Gen<? extends T> gen : gens) {
      choices.add(requireNonNull(gen, "gen == null"));
    }
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("no generators");
    }
    return random -> choices.get(random.nextInt(choices.size())).next(random);
  }

  /** A value of one of the weighted generators, each chosen in proportion to its weight. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> all = new ArrayList<>(choices.length);
    for (Weighted<? extends T> choice : choices) {
      all.add(requireNonNull(choice, "choice == null"));
    }
    int total = all.stream().mapToInt(Weighted::weight).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("no weight");
    }
    return random -> {
      int pick = random.nextInt(total);
      for (Weighted<? extends T> choice : all) {
        pick -= choice.weight();
        if (pick < 0) {
          return choice.gen().next(random);
        }
      }
      throw new AssertionError("unreachable: the weights sum to " + total);
    };
  }

  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /** A generator and how often {@link #frequency} picks it, relative to the others. */
  record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
      requireNonNull(gen, "gen == null");
      if (weight < 0) {
        throw new IllegalArgumentException("weight < 0: " + weight);
      }
    }
  }

  private static void checkRange(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min > max: " + min + " > " + max);
    }
  }
}
