package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/** A pattern in which {@code *} stands for any run of characters and everything else for itself. */
final class Glob {

  private final String text;
  private final Pattern pattern;

  private Glob(String text) {
    this.text = text;
    StringJoiner regex = new StringJoiner(".*");
    for (String part : text.split("\\*", -1)) {
      regex.add(Pattern.quote(part));
    }
    this.pattern = Pattern.compile(regex.toString());
  }

  static Glob of(String text) {
    requireNonNull(text, "text == null");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a pattern must not be blank");
    }
    return new Glob(text);
  }

  boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
