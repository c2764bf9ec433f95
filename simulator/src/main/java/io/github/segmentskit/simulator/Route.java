package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request path points: the store, the resource, and the id in the path (if any). Paths are
 * {@code /stores/{store_hash}/v3} followed by one of the spec's four paths; anything else (a
 * trailing slash included) matches nothing.
 *
 * @param storeHash the store hash
 * @param resource the resource (a spec path)
 * @param pathId the raw {@code segmentId} or {@code shopperProfileId}, percent-decoded; null if the
 *     path has none
 */
record Route(String storeHash, Resource resource, String pathId) {

  /** The spec's four paths, and which operation each method selects. */
  enum Resource {
    SEGMENTS(
        "/segments",
        Operation.GET_PAGINATED_SEGMENTS_LIST,
        Operation.SEGMENTS_POST_REQUEST,
        Operation.PUT_SEGMENT_OBJECTS,
        Operation.DELETE_STORE_SEGMENT),
    SEGMENT_SHOPPER_PROFILES(
        "/segments/{segmentId}/shopper-profiles",
        Operation.GET_SEGMENT_PROFILES,
        Operation.POST_SHOPPER_PROFILE,
        null,
        Operation.DELETE_SHOPPER_PROFILE),
    SHOPPER_PROFILES(
        "/shopper-profiles",
        Operation.GET_SHOPPER_LIST,
        Operation.SHOPPER_PROFILES_REQUEST,
        null,
        Operation.DELETE_STORE_SHOPPER_PROFILE),
    SHOPPER_PROFILE_SEGMENTS(
        "/shopper-profiles/{shopperProfileId}/segments",
        Operation.GET_LIST_SHOPPER_PROFILE,
        null,
        null,
        null);

    private final String template;
    private final Operation get;
    private final Operation post;
    private final Operation put;
    private final Operation delete;

    Resource(String template, Operation get, Operation post, Operation put, Operation delete) {
      this.template = template;
      this.get = get;
      this.post = post;
      this.put = put;
      this.delete = delete;
    }

    /** The path in the spec. */
    String template() {
      return template;
    }

    /** The operation of {@code method}, or empty if the path does not support it (405). */
    Optional<Operation> operation(String method) {
      return Optional.ofNullable(
          switch (method) {
            case "GET" -> get;
            case "POST" -> post;
            case "PUT" -> put;
            case "DELETE" -> delete;
            default -> null;
          });
    }

    /** The methods the path supports, for the {@code Allow} header of a 405. */
    String allowed() {
      StringBuilder allow = new StringBuilder();
      for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
        if (operation(method).isPresent()) {
          allow.append(allow.length() == 0 ? "" : ", ").append(method);
        }
      }
      return allow.toString();
    }
  }

  private static final Pattern STORE_HASH = Pattern.compile("[A-Za-z0-9]{1,64}");

  Route {
    requireNonNull(storeHash, "storeHash == null");
  }

  /** Whether {@code hash} is a store hash the simulator serves (1 to 64 letters and digits). */
  static boolean isStoreHash(String hash) {
    return hash != null && STORE_HASH.matcher(hash).matches();
  }

  /** The store of a raw path {@code /stores/{hash}/v3/...}, or empty if it is not under one. */
  static Optional<String> storeHash(String rawPath) {
    String[] parts = rawPath.split("/", -1);
    if (parts.length >= 4
        && parts[0].isEmpty()
        && parts[1].equals("stores")
        && isStoreHash(parts[2])
        && parts[3].equals("v3")) {
      return Optional.of(parts[2]);
    }
    return Optional.empty();
  }

  /** The route of a raw (percent-encoded) path; empty if it names no resource (404). */
  static Optional<Route> match(String rawPath) {
    Optional<String> store = storeHash(rawPath);
    if (store.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = rawPath.split("/", -1);
    int rest = parts.length - 4;
    if (rest == 1 && parts[4].equals("segments")) {
      return Optional.of(new Route(store.get(), Resource.SEGMENTS, null));
    }
    if (rest == 1 && parts[4].equals("shopper-profiles")) {
      return Optional.of(new Route(store.get(), Resource.SHOPPER_PROFILES, null));
    }
    if (rest == 3 && parts[4].equals("segments") && parts[6].equals("shopper-profiles")) {
      return Optional.of(
          new Route(store.get(), Resource.SEGMENT_SHOPPER_PROFILES, decode(parts[5])));
    }
    if (rest == 3 && parts[4].equals("shopper-profiles") && parts[6].equals("segments")) {
      return Optional.of(
          new Route(store.get(), Resource.SHOPPER_PROFILE_SEGMENTS, decode(parts[5])));
    }
    return Optional.empty();
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment; // not a valid escape: left as is, and rejected as a malformed id
    }
  }
}
