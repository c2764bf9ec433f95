package io.github.segmentskit.client;

import java.util.UUID;

/**
 * How many ids fit in one {@code id:in} list: ids go in the request target ({@code ?id:in=a,b,c}),
 * and servers and proxies refuse long ones, so no target the client sends is longer than {@value
 * #MAX_TARGET_LENGTH} characters (8 KiB). With the default base URI that is about 215 ids per
 * request; longer lists are split.
 */
final class RequestTargets {
  /** The longest request target (path and query) the client sends. */
  static final int MAX_TARGET_LENGTH = 8192;

  private static final UUID WIDEST_ID = new UUID(-1L, -1L);
  private static final int ID_AND_COMMA = 37;

  private RequestTargets() {}

  /** The most ids one request of {@code operation} may carry below {@code basePath}. */
  static int maxIds(String basePath, Operation operation) {
    String fixed =
        basePath
            + operation.path(WIDEST_ID)
            + "?page="
            + Integer.MAX_VALUE
            + "&limit="
            + PageParams.MAX_LIMIT
            + "&id:in=";
    return Math.max(1, (MAX_TARGET_LENGTH - fixed.length() + 1) / ID_AND_COMMA);
  }
}
