package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.exception.SegmentsValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  @Test
  void parsesCanonicalUuidsInAnyCase() {
    assertThat(Ids.parseAll(List.of(ID, ID.toUpperCase())))
        .extracting(UUID::toString)
        .containsExactly(ID, ID);
    assertThat(Ids.parse(ID)).isEqualTo(new UUID(0x3fa85f6457174562L, 0xb3fc2c963f66afa6L));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-1-1-1-1",
        "abc",
        "",
        " 3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6 ",
        "urn:uuid:3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66afa",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6a",
        "3fa85f64x5717-4562-b3fc-2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66afg6",
        "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
        "3fa85f6457174562b3fc2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66af\uff16\uff16",
        "P6hfZFcXRWKz/CyWP2avpg=="
      })
  void rejectsNonCanonicalForms(String id) {
    assertThat(Ids.isCanonical(id)).isFalse();
    assertThatThrownBy(() -> Ids.parse(id))
        .isInstanceOf(SegmentsValidationException.class)
        .hasMessage("id \"" + id + "\" is not a canonical UUID");
  }

  @Test
  void namesEveryBadItemByIndexAndValue() {
    assertThatThrownBy(() -> Ids.parseAll(Arrays.asList(ID, "abc", ID, null, "1-1-1-1-1")))
        .isInstanceOfSatisfying(
            SegmentsValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "ids[1] \"abc\" is not a canonical UUID",
                        "ids[3] null is not a canonical UUID",
                        "ids[4] \"1-1-1-1-1\" is not a canonical UUID"))
        .hasMessage(
            "ids[1] \"abc\" is not a canonical UUID; ids[3] null is not a canonical UUID;"
                + " ids[4] \"1-1-1-1-1\" is not a canonical UUID");
  }

  @Test
  void abbreviatesAbsurdlyLongInputInTheMessage() {
    String huge = "x".repeat(100_000);
    assertThatThrownBy(() -> Ids.parse(huge))
        .hasMessage("id \"" + "x".repeat(64) + "...\" is not a canonical UUID");
  }

  @Test
  void rejectsNullAsAnIdAndAsAList() {
    assertThatThrownBy(() -> Ids.parse(null))
        .isInstanceOf(SegmentsValidationException.class)
        .hasMessage("id null is not a canonical UUID");
    assertThatThrownBy(() -> Ids.parseAll(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ids == null");
  }
}
