package io.github.segmentskit.spec.drift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deviations file refuses entries that could silently record nothing or explain nothing. */
class DeviationsTest {

  private static final String ENTRY =
      """
      deviations:
        - id: limit-maximum
          operations: [GET /segments, GET /shopper-profiles]
          where: parameter limit (query)
          aspect: maximum
          ours: 250
          upstream: absent
          reason: The page-size maximum of bulk endpoints.
          source: A guide.
      """;

  @TempDir Path dir;

  @Test
  void readsPatternsAsListsOrSingleTextsAndValuesAsText() throws IOException {
    Deviation deviation = load(ENTRY).get(0);

    assertThat(deviation.id()).isEqualTo("limit-maximum");
    assertThat(deviation.ours()).isEqualTo("250");
    assertThat(
            deviation.locates(
                new FactKey("GET /shopper-profiles", "parameter limit (query)", "maximum")))
        .isTrue();
    assertThat(deviation.locates(new FactKey("GET /segments", "parameter page (query)", "maximum")))
        .isFalse();
  }

  @Test
  void refusesAnEntryWithoutAReason() {
    IllegalArgumentException e =
        refused(ENTRY.replace("    reason: The page-size maximum of bulk endpoints.\n", ""));

    assertThat(e).hasMessageContaining("('limit-maximum'): 'reason' is missing");
  }

  @Test
  void refusesAnEntryWithABlankSource() {
    IllegalArgumentException e = refused(ENTRY.replace("source: A guide.", "source: ' '"));

    assertThat(e).hasMessageContaining("'source' must be a non-blank text");
  }

  @Test
  void refusesAnUnknownKey() {
    IllegalArgumentException e = refused(ENTRY.replace("aspect:", "aspcet:"));

    assertThat(e).hasMessageContaining("unknown key 'aspcet'");
  }

  @Test
  void refusesAnIdUsedTwice() {
    String twice = ENTRY + ENTRY.substring(ENTRY.indexOf("  - id:"));

    IllegalArgumentException e = refused(twice);

    assertThat(e).hasMessageContaining("id 'limit-maximum' is used twice");
  }

  @Test
  void refusesAFileWithoutADeviationsList() {
    IllegalArgumentException e = refused("deviation: []\n");

    assertThat(e).hasMessageContaining("expected a list under 'deviations'");
  }

  private List<Deviation> load(String yaml) throws IOException {
    Path file = dir.resolve("deviations.yaml");
    Files.writeString(file, yaml, UTF_8);
    return Deviations.load(file);
  }

  private IllegalArgumentException refused(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> load(yaml));
  }
}
