package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.segmentskit.generated.model.CollectionMeta;
import io.github.segmentskit.generated.model.Pagination;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentPost;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import io.github.segmentskit.generated.model.ShopperProfile;
import io.github.segmentskit.generated.model.ShopperProfilePost;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The spec's constraints, as the generator wrote them on the models, checked by the client. */
class ModelRulesTest {

  /** Every class of the generated model package, found on the class path. */
  static List<Class<?>> generatedModels() throws IOException, URISyntaxException {
    String packagePath = "io/github/segmentskit/generated/model";
    URL url = Segment.class.getClassLoader().getResource(packagePath);
    assertThat(url).as("the generated model package on the class path").isNotNull();
    List<Class<?>> models = new ArrayList<>();
    java.net.URI uri = url.toURI();
    if (uri.getScheme().equals("jar")) {
      try (java.nio.file.FileSystem jar =
          java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
        collect(jar.getPath(packagePath), models);
      }
    } else {
      collect(Path.of(uri), models);
    }
    return models;
  }

  private static void collect(Path directory, List<Class<?>> models) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          try {
            models.add(
                Class.forName(
                    "io.github.segmentskit.generated.model."
                        + name.substring(0, name.length() - ".class".length())));
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
  }

  @Test
  void everyConstraintOnEveryGeneratedModelIsOneTheClientChecks() throws Exception {
    List<Class<?>> models = generatedModels();
    assertThat(models).hasSizeGreaterThanOrEqualTo(10);
    for (Class<?> model : models) {
      assertThatCode(() -> ModelRules.properties(model))
          .as(model.getName())
          .doesNotThrowAnyException();
    }
    assertThat(ModelRules.properties(Pagination.class))
        .extracting(ModelRules.Property::name)
        .containsExactlyInAnyOrder("total", "count", "per_page", "current_page", "total_pages");
    assertThat(ModelRules.properties(Pagination.class))
        .allSatisfy(property -> assertThat(property.required()).isTrue());
  }

  @Test
  void namesEveryBrokenRuleByItsJsonPath() {
    SegmentsCollectionResponse response =
        new SegmentsCollectionResponse()
            .data(Arrays.asList(new Segment().id(UUID.randomUUID()), new Segment(), null))
            .meta(
                new CollectionMeta()
                    .pagination(new Pagination().total(-1).count(2).perPage(0).currentPage(1)));
    assertThat(ModelRules.problems(response, ""))
        .containsExactlyInAnyOrder(
            "data[1].id is missing",
            "data[2] is null",
            "meta.pagination.total must be at least 0, was -1",
            "meta.pagination.per_page must be at least 1, was 0",
            "meta.pagination.total_pages is missing");
  }

  @Test
  void checksRequestBodiesByTheSameRules() {
    assertThat(
            ModelRules.problems(
                Arrays.asList(new SegmentPost().name(""), new SegmentPost(), null), "segments"))
        .containsExactly(
            "segments[0].name must not be empty",
            "segments[1].name is missing",
            "segments[2] is null");
    assertThat(ModelRules.problems(List.of(new SegmentPut()), "segments"))
        .containsExactly("segments[0].id is missing");
    assertThat(
            ModelRules.problems(
                List.of(new ShopperProfilePost().customerId(0L), new ShopperProfilePost()),
                "shopperProfiles"))
        .containsExactly(
            "shopperProfiles[0].customer_id must be at least 1, was 0",
            "shopperProfiles[1].customer_id is missing");
    assertThat(ModelRules.problems(new ShopperProfile().id(UUID.randomUUID()).customerId(-5L), ""))
        .containsExactly("customer_id must be at least 1, was -5");
  }

  @Test
  void aValidModelHasNoProblems() {
    assertThat(
            ModelRules.problems(
                new Segment().id(UUID.randomUUID()).name("Wholesale").description(""), "segment"))
        .isEmpty();
  }
}
