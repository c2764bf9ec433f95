package io.github.segmentskit.spec.drift;

import java.util.Collection;

/**
 * Pairs paths that differ only in the names of their path parameters: BigCommerce's {@code
 * /segments/{id}} is our {@code /segments/{segmentId}}; the parameter's name is then a difference
 * of the operation, not a missing operation.
 */
final class PathNames {

  private PathNames() {}

  /** {@code path} as it is spelled among {@code ourPaths}, or unchanged if none matches. */
  static String asIn(Collection<String> ourPaths, String path) {
    String shape = shape(path);
    return ourPaths.stream().filter(ours -> shape(ours).equals(shape)).findFirst().orElse(path);
  }

  /** The path with every parameter name left out: {@code /segments/{}/shopper-profiles}. */
  static String shape(String path) {
    return path.replaceAll("\\{[^}/]*}", "{}");
  }
}
