package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality gate really fails: each test breaks a copy of the real spec in one way and expects
 * {@link SpecLint} to name the problem. (A broken committed spec fails {@code
 * SegmentsSpecTest.passesTheQualityGate}, and with it the build.)
 */
class SpecLintCatchesBrokenSpecsTest {
  @TempDir Path dir;

  @Test
  void flagsATypoInASchemaType() throws IOException {
    List<String> problems =
        lintCopy(
            spec ->
                schema(spec, "SegmentPut").with("properties").with("name").put("type", "strin"));

    assertThat(problems).anyMatch(p -> p.contains("SegmentPut.name") && p.contains("'strin'"));
  }

  @Test
  void flagsAnUnknownFormat() throws IOException {
    List<String> problems =
        lintCopy(
            spec -> schema(spec, "Segment").with("properties").with("id").put("format", "uuidd"));

    assertThat(problems).anyMatch(p -> p.contains("Segment.id") && p.contains("'uuidd'"));
  }

  @Test
  void flagsAMissingRequiredFieldOfTheDocument() throws IOException {
    List<String> problems = lintCopy(spec -> ((ObjectNode) spec.get("info")).remove("title"));

    assertThat(problems).anyMatch(p -> p.contains("info.title is missing"));
  }

  @Test
  void flagsAnOperationWithoutResponses() throws IOException {
    List<String> problems =
        lintCopy(
            spec ->
                ((ObjectNode) spec.get("paths").get("/segments").get("put")).remove("responses"));

    assertThat(problems).anyMatch(p -> p.contains("responses"));
  }

  @Test
  void flagsARequiredPropertyThatIsNotDefined() throws IOException {
    List<String> problems =
        lintCopy(spec -> ((ArrayNode) schema(spec, "SegmentPost").get("required")).add("nmae"));

    assertThat(problems).anyMatch(p -> p.contains("SegmentPost") && p.contains("'nmae'"));
  }

  @Test
  void flagsAnExampleItsOwnSchemaRejects() throws IOException {
    List<String> problems =
        lintCopy(spec -> ((ObjectNode) putSegmentsExample(spec).get(0)).put("name", 42));

    assertThat(problems)
        .anyMatch(p -> p.startsWith("PUT /segments request body") && p.contains("integer"));
  }

  @Test
  void flagsAnExampleUuidThatIsNotCanonical() throws IOException {
    // UUID.fromString, and so the schema validator's format check, accepts this; the API does not.
    List<String> problems =
        lintCopy(spec -> ((ObjectNode) putSegmentsExample(spec).get(0)).put("id", "1-1-1-1-1"));

    assertThat(problems)
        .contains(
            "PUT /segments request body (application/json) example: "
                + "'1-1-1-1-1' is not a canonical 8-4-4-4-12 UUID");
  }

  private static JsonNode putSegmentsExample(JsonNode spec) {
    return spec.get("paths")
        .get("/segments")
        .get("put")
        .get("requestBody")
        .get("content")
        .get("application/json")
        .get("example");
  }

  @Test
  void flagsAResponseWithoutAnExample() throws IOException {
    List<String> problems =
        lintCopy(
            spec ->
                ((ObjectNode)
                        spec.get("components")
                            .get("responses")
                            .get("NotFound")
                            .get("content")
                            .get("application/json"))
                    .remove("example"));

    assertThat(problems).anyMatch(p -> p.contains("no example"));
  }

  @Test
  void flagsAnUnresolvedReference() throws IOException {
    List<String> problems =
        lintCopy(
            spec ->
                schema(spec, "SegmentsWriteResponse")
                    .with("properties")
                    .with("data")
                    .with("items")
                    .put("$ref", "#/components/schemas/Segmnet"));

    assertThat(problems).anyMatch(p -> p.contains("Segmnet"));
  }

  @Test
  void passesAnUnchangedCopy() throws IOException {
    assertThat(lintCopy(spec -> {})).isEmpty();
  }

  private static ObjectNode schema(JsonNode spec, String name) {
    return (ObjectNode) spec.get("components").get("schemas").get(name);
  }

  private List<String> lintCopy(Consumer<JsonNode> breakIt) throws IOException {
    JsonNode spec = Yaml.mapper().readTree(Specs.segmentsSpec().toFile());
    breakIt.accept(spec);
    Path copy = dir.resolve("segments.v3.yaml");
    Yaml.mapper().writeValue(copy.toFile(), spec);
    return SpecLint.check(copy);
  }
}
