package io.github.segmentskit.spec.drift;

import static io.github.segmentskit.spec.drift.DriftFixtures.at;
import static io.github.segmentskit.spec.drift.DriftFixtures.changed;
import static io.github.segmentskit.spec.drift.DriftFixtures.differences;
import static io.github.segmentskit.spec.drift.DriftFixtures.ours;
import static io.github.segmentskit.spec.drift.DriftFixtures.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift check sees each kind of difference: each test changes the upstream fixture in one way
 * and expects exactly that difference among those of the unchanged pair.
 */
class DifferencesTest {

  @TempDir Path dir;

  @Test
  void aSpecDoesNotDifferFromItself() {
    assertThat(differences(ours(), ours())).isEmpty();
    assertThat(differences(upstream(), upstream())).isEmpty();
  }

  @Test
  void followsReferencesAllOfAndPathLevelParametersBeforeComparing() {
    // upstream.yaml reaches data[].name through allOf and $ref, and declares Accept on the path.
    assertThat(differences(ours(), upstream()))
        .noneMatch(d -> d.key().where().endsWith("data[].name"))
        .noneMatch(d -> d.key().where().equals("parameter accept (header)") && isExists(d));
  }

  @Test
  void filesAPathWhoseParameterIsNamedDifferentlyUnderOurs() {
    List<Difference> differences = differences(ours(), upstream());

    assertThat(differences)
        .noneMatch(d -> d.key().where().equals(SpecFacts.OPERATION))
        .contains(
            difference(
                "DELETE /segments/{segmentId}/profiles",
                "parameter segmentId (path)",
                "exists",
                "yes",
                null),
            difference(
                "DELETE /segments/{segmentId}/profiles",
                "parameter id (path)",
                "exists",
                null,
                "yes"));
  }

  @Test
  void reportsAMissingOperationOnceNotOncePerFactInsideIt() {
    Path upstream = changeUpstream(root -> at(root, "paths", "/segments").remove("post"));

    assertThat(newDifferences(upstream))
        .containsExactly(difference("POST /segments", SpecFacts.OPERATION, "exists", "yes", null));
  }

  @Test
  void reportsAPathOnlyUpstreamHas() {
    Path upstream =
        changeUpstream(
            root ->
                at(root, "paths")
                    .putObject("/shopper-profiles")
                    .putObject("get")
                    .put("operationId", "GetShopperList")
                    .putObject("responses")
                    .putObject("200")
                    .put("description", "A page."));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference("GET /shopper-profiles", SpecFacts.OPERATION, "exists", null, "yes"));
  }

  @Test
  void reportsARenamedOperationId() {
    Path upstream =
        changeUpstream(
            root -> at(root, "paths", "/segments", "get").put("operationId", "ListSegments"));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference(
                "GET /segments",
                SpecFacts.OPERATION,
                "operationId",
                "GetSegments",
                "ListSegments"));
  }

  @Test
  void reportsAParameterThatBecameRequired() {
    Path upstream =
        changeUpstream(root -> parameter(root, "/segments", "get", 0).put("required", true));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference("GET /segments", "parameter limit (query)", "required", null, "true"));
  }

  @Test
  void reportsAChangedMaximumOfAParameter() {
    Path upstream =
        changeUpstream(
            root -> at(parameter(root, "/segments", "get", 0), "schema").put("maximum", 100));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference("GET /segments", "parameter limit (query)", "maximum", "250", "100"));
  }

  @Test
  void reportsAChangedTypeAndFormatOfARequestField() {
    Path upstream =
        changeUpstream(
            root ->
                at(root, "components", "schemas", "SegmentPost", "properties", "name")
                    .put("type", "integer")
                    .put("format", "int32"));

    assertThat(newDifferences(upstream))
        .contains(
            difference("POST /segments", "request body[].name", "type", "string", "integer"),
            difference("POST /segments", "request body[].name", "format", null, "int32"));
  }

  @Test
  void reportsAResponseFieldThatBecameRequiredUpstream() {
    Path upstream =
        changeUpstream(
            root -> at(root, "components", "schemas", "Segment").putArray("required").add("name"));

    assertThat(newDifferences(upstream))
        .contains(
            difference("GET /segments", "response 200 body.data[].name", "required", null, "true"),
            difference(
                "POST /segments", "response 201 body.data[].name", "required", null, "true"));
  }

  @Test
  void reportsAStatusOnlyUpstreamDeclares() {
    Path upstream =
        changeUpstream(
            root ->
                at(root, "paths", "/segments", "post", "responses")
                    .putObject("207")
                    .put("description", "Partly written."));

    assertThat(newDifferences(upstream))
        .containsExactly(difference("POST /segments", "response 207", "exists", null, "yes"));
  }

  @Test
  void reportsAResponseHeaderOnlyUpstreamDeclares() {
    Path upstream =
        changeUpstream(
            root ->
                at(root, "paths", "/segments", "get", "responses", "200")
                    .putObject("headers")
                    .putObject("X-Retry-After")
                    .putObject("schema")
                    .put("type", "integer"));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference(
                "GET /segments", "response 200 header x-retry-after", "exists", null, "yes"));
  }

  @Test
  void reportsAMediaTypeOnlyUpstreamAccepts() {
    Path upstream =
        changeUpstream(
            root ->
                at(root, "paths", "/segments", "post", "requestBody", "content")
                    .putObject("application/xml")
                    .putObject("schema")
                    .put("type", "object"));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference(
                "POST /segments",
                "request body",
                "media types",
                "application/json",
                "application/json, application/xml"));
  }

  @Test
  void reportsAChangedServerUrl() {
    Path upstream =
        changeUpstream(
            root ->
                ((ObjectNode) root.get("servers").get(0))
                    .put("url", "https://api.example.com/stores/{store_hash}/v4"));

    assertThat(newDifferences(upstream))
        .containsExactly(
            difference(
                FactKey.DOCUMENT,
                "servers",
                "url",
                "https://api.example.com/stores/{store_hash}/v3",
                "https://api.example.com/stores/{store_hash}/v4"));
  }

  /**
   * The differences of ours.yaml with {@code upstream} that it does not have with upstream.yaml.
   */
  private List<Difference> newDifferences(Path upstream) {
    List<Difference> before = differences(ours(), upstream());
    return differences(ours(), upstream).stream().filter(d -> !before.contains(d)).toList();
  }

  private Path changeUpstream(Consumer<ObjectNode> change) {
    return changed(dir, upstream(), change);
  }

  private static ObjectNode parameter(ObjectNode root, String path, String method, int index) {
    return (ObjectNode) ((ArrayNode) at(root, "paths", path, method).get("parameters")).get(index);
  }

  private static boolean isExists(Difference difference) {
    return difference.key().aspect().equals("exists");
  }

  private static Difference difference(
      String operation, String where, String aspect, String ours, String upstream) {
    return new Difference(new FactKey(operation, where, aspect), ours, upstream);
  }
}
