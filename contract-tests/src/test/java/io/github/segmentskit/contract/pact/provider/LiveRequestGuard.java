package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last check before a replayed request reaches a real store: it judges the request as it will
 * be sent (provider-state values injected, moved to the store), not the pact's template. A pure
 * function, tested rule by rule in {@code LiveRequestGuardTest} and against the simulator in {@code
 * LiveGuardsAgainstSimulatorIT}. Rules:
 *
 * <ul>
 *   <li>only the configured store's API, and any GET there;
 *   <li>never a POST or a DELETE (or anything but GET) under {@code /shopper-profiles};
 *   <li>{@code DELETE /segments} only with an {@code id:in} whose every value is a segment this run
 *       created (a missing or empty {@code id:in}, or one empty value, never goes out);
 *   <li>{@code POST /segments} only with names that start with this run's prefix; {@code PUT
 *       /segments} only on segments this run created (a new name with the prefix too);
 *   <li>adding to or removing from a segment's shopper profiles only on a segment this run created,
 *       only profiles this run lent to the interaction, and a removal only with a non-empty {@code
 *       id:in};
 *   <li>nothing else.
 * </ul>
 */
final class LiveRequestGuard {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEGMENT_PROFILES =
      Pattern.compile("/segments/([^/]+)/shopper-profiles");

  private LiveRequestGuard() {}

  /**
   * Why {@code request} must not be sent to the store at {@code basePath} (e.g. {@code
   * /stores/abc123/v3}) in {@code run}, or empty if it may.
   */
  static Optional<String> refusal(SentRequest request, String basePath, LiveRun run) {
    requireNonNull(request, "request == null");
    requireNonNull(basePath, "basePath == null");
    requireNonNull(run, "run == null");
    String method = request.method();
    if (!request.path().startsWith(basePath + "/")) {
      return refuse(request, "it is not the configured store's API (" + basePath + ")");
    }
    String resource = request.path().substring(basePath.length());
    if (method.equals("GET")) {
      return Optional.empty();
    }
    if (resource.startsWith("/shopper-profiles")) {
      return refuse(request, "the live run never sends a " + method + " to /shopper-profiles");
    }
    if (resource.equals("/segments")) {
      return switch (method) {
        case "POST" -> createsOnlyOwnNames(request, run);
        case "PUT" -> updatesOnlyOwnSegments(request, run);
        case "DELETE" ->
            idInOnly(request, "segment this run created", id -> run.createdSegment(id));
        default -> refuse(request, "the live run never sends it");
      };
    }
    Matcher profiles = SEGMENT_PROFILES.matcher(resource);
    if (profiles.matches()) {
      Optional<UUID> segment = uuid(profiles.group(1));
      if (segment.isEmpty() || !run.createdSegment(segment.get())) {
        return refuse(request, "segment " + profiles.group(1) + " is not one this run created");
      }
      return switch (method) {
        case "POST" -> addsOnlyLentProfiles(request, run);
        case "DELETE" ->
            idInOnly(request, "shopper profile this run lent", id -> run.lentShopperProfile(id));
        default -> refuse(request, "the live run never sends it");
      };
    }
    return refuse(request, "the live run never sends it");
  }

  private static Optional<String> createsOnlyOwnNames(SentRequest request, LiveRun run) {
    Optional<JsonNode> items = array(request.body());
    if (items.isEmpty()) {
      return refuse(request, "its body is not a JSON array of segments");
    }
    for (JsonNode item : items.get()) {
      JsonNode name = item.path("name");
      if (!name.isTextual() || !run.owns(name.asText())) {
        return refuse(request, "segment name " + name + " does not start with " + run.prefix());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> updatesOnlyOwnSegments(SentRequest request, LiveRun run) {
    Optional<JsonNode> items = array(request.body());
    if (items.isEmpty()) {
      return refuse(request, "its body is not a JSON array of segments");
    }
    for (JsonNode item : items.get()) {
      JsonNode idNode = item.path("id");
      Optional<UUID> id = idNode.isTextual() ? uuid(idNode.asText()) : Optional.empty();
      if (id.isEmpty() || !run.createdSegment(id.get())) {
        return refuse(request, "segment " + item.path("id") + " is not one this run created");
      }
      JsonNode name = item.path("name");
      if (!name.isMissingNode() && (!name.isTextual() || !run.owns(name.asText()))) {
        return refuse(request, "segment name " + name + " does not start with " + run.prefix());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> addsOnlyLentProfiles(SentRequest request, LiveRun run) {
    Optional<JsonNode> items = array(request.body());
    if (items.isEmpty()) {
      return refuse(request, "its body is not a JSON array of shopper-profile ids");
    }
    for (JsonNode item : items.get()) {
      Optional<UUID> id = item.isTextual() ? uuid(item.asText()) : Optional.empty();
      if (id.isEmpty() || !run.lentShopperProfile(id.get())) {
        return refuse(request, "shopper profile " + item + " was not lent to it by this run");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> idInOnly(
      SentRequest request, String what, Predicate<UUID> owned) {
    Optional<List<String>> ids = request.queryList("id:in");
    if (ids.isEmpty()) {
      return refuse(request, "a DELETE without id:in deletes everything in scope");
    }
    for (String value : ids.get()) {
      if (value.isEmpty()) {
        return refuse(request, "its id:in has an empty value");
      }
      Optional<UUID> id = uuid(value);
      if (id.isEmpty() || !owned.test(id.get())) {
        return refuse(request, "id:in value " + value + " is not a " + what);
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> array(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isArray() && !node.isEmpty()
          ? Optional.of(node)
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<UUID> uuid(String text) {
    if (!text.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return Optional.empty();
    }
    return Optional.of(UUID.fromString(text));
  }

  private static Optional<String> refuse(SentRequest request, String why) {
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    return Optional.of("refused " + request.method() + " " + request.path() + query + ": " + why);
  }
}
