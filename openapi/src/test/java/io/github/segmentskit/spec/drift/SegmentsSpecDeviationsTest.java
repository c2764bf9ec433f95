package io.github.segmentskit.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * openapi/deviations.yaml stays true to our spec on every build, without BigCommerce's spec at
 * hand: each record loads, has a reason and a source, and says about our spec what our spec says.
 * (Whether it records every difference from BigCommerce's spec only the drift check with {@code
 * -Dupstream.spec} can tell.)
 */
class SegmentsSpecDeviationsTest {

  private static Map<FactKey, String> ourFacts;
  private static List<Deviation> deviations;

  @BeforeAll
  static void read() {
    ourFacts = SpecFacts.of(SpecReader.read(path("segments.spec"), "spec of ours").api());
    deviations = Deviations.load(path("segments.deviations"));
  }

  @Test
  void everyRecordHasAReasonAndASource() {
    assertThat(deviations).isNotEmpty();
    assertThat(deviations)
        .allSatisfy(
            d -> {
              assertThat(d.reason()).as(d.id()).hasSizeGreaterThan(20);
              assertThat(d.source()).as(d.id()).isNotBlank();
            });
  }

  @Test
  void everyRecordSaysWhatOurSpecSays() {
    assertThat(deviations.stream().map(SegmentsSpecDeviationsTest::contradiction))
        .allMatch(Optional::isEmpty, "no contradiction");
  }

  @Test
  void aRecordOurSpecContradictsIsCaught() {
    assertThat(contradiction(record("GET *", "parameter limit (query)", "maximum", "500")))
        .hasValueSatisfying(message -> assertThat(message).contains("[250]"));
    assertThat(contradiction(record("GET *", "parameter limit (query)", "maximum", "absent")))
        .hasValueSatisfying(message -> assertThat(message).contains("lacks"));
    assertThat(contradiction(record("PATCH *", "request body", "pattern", "absent")))
        .hasValueSatisfying(message -> assertThat(message).contains("no operation"));
  }

  /**
   * Why the record does not hold for our spec, if it does not: our spec must say {@code ours}
   * everywhere the record applies (at least once), or, for {@code absent}, nowhere, in an operation
   * we have.
   */
  private static Optional<String> contradiction(Deviation deviation) {
    Set<String> ours =
        ourFacts.entrySet().stream()
            .filter(fact -> deviation.locates(fact.getKey()))
            .map(Map.Entry::getValue)
            .collect(Collectors.toSet());
    if (deviation.ours().equals(Difference.ABSENT)) {
      if (!ours.isEmpty()) {
        return Optional.of(deviation.id() + " says our spec lacks it, but it says " + ours);
      }
      boolean anOperationOfOurs =
          ourFacts.keySet().stream()
              .anyMatch(
                  key -> deviation.operations().stream().anyMatch(g -> g.matches(key.operation())));
      return anOperationOfOurs
          ? Optional.empty()
          : Optional.of(deviation.id() + " names no operation of ours");
    }
    if (!ours.equals(Set.of(deviation.ours()))) {
      return Optional.of(
          deviation.id() + " says our spec says " + deviation.ours() + ", but it says " + ours);
    }
    return Optional.empty();
  }

  private static Deviation record(String operation, String where, String aspect, String ours) {
    return new Deviation(
        "control",
        List.of(Glob.of(operation)),
        List.of(Glob.of(where)),
        List.of(Glob.of(aspect)),
        ours,
        Difference.ABSENT,
        "a record made to be wrong",
        "this test");
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (set by surefire)").isNotNull();
    Path path = Path.of(value);
    assertThat(Files.isRegularFile(path)).as(path.toString()).isTrue();
    return path;
  }
}
