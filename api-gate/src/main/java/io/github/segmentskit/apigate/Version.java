package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version {@code MAJOR.MINOR.PATCH}, with an optional {@code -QUALIFIER}: the project's
 * version, or the version of the released jars.
 *
 * @param major raising it allows binary-incompatible changes
 * @param minor the minor version
 * @param patch the patch version
 * @param qualifier what follows the {@code -}, e.g. {@code SNAPSHOT}; empty if none
 */
record Version(int major, int minor, int patch, String qualifier) implements Comparable<Version> {

  private static final Pattern FORM =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?");

  /** A release sorts after its own pre-releases: 2.0.0-SNAPSHOT &lt; 2.0.0. */
  private static final Comparator<Version> ORDER =
      Comparator.comparingInt(Version::major)
          .thenComparingInt(Version::minor)
          .thenComparingInt(Version::patch)
          .thenComparing(version -> version.qualifier().isEmpty());

  Version {
    requireNonNull(qualifier, "qualifier == null");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version numbers must not be negative: " + major + "." + minor + "." + patch);
    }
  }

  /** Parses {@code MAJOR.MINOR.PATCH} with an optional {@code -QUALIFIER}. */
  static Version parse(String text) {
    requireNonNull(text, "text == null");
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0");
    }
    return new Version(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)),
        matcher.group(4) == null ? "" : matcher.group(4));
  }

  /** The first version of the next major line: 1.4.2 gives 2.0.0. */
  Version nextMajor() {
    return new Version(major + 1, 0, 0, "");
  }

  @Override
  public int compareTo(Version other) {
    return ORDER.compare(this, requireNonNull(other, "other == null"));
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
  }
}
