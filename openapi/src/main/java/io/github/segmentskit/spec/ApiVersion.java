package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version such as {@code 1.4.2} or {@code 2.0.0-SNAPSHOT}: the project's version, or the
 * {@code info.version} of a spec.
 *
 * @param major the major version; raising it allows breaking API changes
 * @param minor the minor version
 * @param patch the patch version
 * @param qualifier what follows the {@code -}, e.g. {@code SNAPSHOT}; empty if none
 */
record ApiVersion(int major, int minor, int patch, String qualifier)
    implements Comparable<ApiVersion> {

  private static final Pattern FORM =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z.-]+))?");

  /** A release sorts after its own pre-releases: 2.0.0-SNAPSHOT &lt; 2.0.0. */
  private static final Comparator<ApiVersion> ORDER =
      Comparator.comparingInt(ApiVersion::major)
          .thenComparingInt(ApiVersion::minor)
          .thenComparingInt(ApiVersion::patch)
          .thenComparing(version -> version.qualifier().isEmpty());

  ApiVersion {
    requireNonNull(qualifier, "qualifier == null");
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException(
          "version numbers must not be negative: " + major + "." + minor + "." + patch);
    }
  }

  /** Parses {@code MAJOR.MINOR.PATCH} with an optional {@code -QUALIFIER}. */
  static ApiVersion parse(String text) {
    requireNonNull(text, "text == null");
    Matcher matcher = FORM.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0");
    }
    return new ApiVersion(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)),
        matcher.group(4) == null ? "" : matcher.group(4));
  }

  /** The first version of the next major line: 1.4.2 gives 2.0.0. */
  ApiVersion nextMajor() {
    return new ApiVersion(major + 1, 0, 0, "");
  }

  @Override
  public int compareTo(ApiVersion other) {
    return ORDER.compare(this, requireNonNull(other, "other == null"));
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (qualifier.isEmpty() ? "" : "-" + qualifier);
  }
}
