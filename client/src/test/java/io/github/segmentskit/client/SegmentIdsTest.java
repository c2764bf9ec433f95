package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentIdsTest {
  private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  @Test
  void parsesCanonicalUuidsInAnyCase() {
    assertThat(SegmentIds.parse(List.of(ID, ID.toUpperCase())))
        .extracting(UUID::toString)
        .containsExactly(ID, ID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1-1-1-1-1",
        "abc",
        "",
        "3fa85f64-5717-4562-b3fc-2c963f66afa",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6a",
        "3fa85f64x5717-4562-b3fc-2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66afg6",
        "{3fa85f64-5717-4562-b3fc-2c963f66afa6}",
        "3fa85f6457174562b3fc2c963f66afa6",
        "3fa85f64-5717-4562-b3fc-2c963f66af\uff16\uff16"
      })
  void rejectsNonCanonicalForms(String id) {
    assertThat(SegmentIds.isCanonical(id)).isFalse();
    assertThatThrownBy(() -> SegmentIds.parseOne("segmentId", id))
        .isInstanceOf(SegmentsValidationException.class)
        .hasMessageContaining("segmentId \"" + id + "\" is not a canonical UUID");
  }

  @Test
  void namesEveryBadItemByIndexAndValue() {
    assertThatThrownBy(() -> SegmentIds.parse(Arrays.asList(ID, "abc", ID, null, "1-1-1-1-1")))
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
  void varargsOverloadParsesToo() {
    assertThat(SegmentIds.parse(ID))
        .containsExactly(new UUID(0x3fa85f6457174562L, 0xb3fc2c963f66afa6L));
  }

  @Test
  void rejectsNullList() {
    assertThatThrownBy(() -> SegmentIds.parse((List<String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ids == null");
  }
}
