package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentskit.generated.model.Segment;
import io.github.segmentskit.generated.model.SegmentsCollectionResponse;
import io.github.segmentskit.generated.model.ShopperProfile;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each leniency of Jackson's defaults that the client's mapper refuses, and the one it keeps. */
class StrictJsonTest {
  private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
  private final ObjectMapper mapper = StrictJson.mapper();

  private Segment segment(String json) throws JsonProcessingException {
    return mapper.readValue(json, Segment.class);
  }

  @Test
  void readsAWellFormedSegmentAndIgnoresUnknownFields() throws JsonProcessingException {
    Segment segment =
        segment(
            "{\"id\":\""
                + ID.toUpperCase()
                + "\",\"name\":\"Caf\\u00e9\",\"created_at\":\"2023-11-10T09:15:30Z\","
                + "\"added_later_by_bigcommerce\":{\"x\":1}}");
    assertThat(segment.getId()).isEqualTo(UUID.fromString(ID));
    assertThat(segment.getName()).isEqualTo("Café");
    assertThat(segment.getCreatedAt()).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"id\":\"1-1-1-1-1\"}",
        "{\"id\":\"P6hfZFcXRWKz/CyWP2avpg==\"}",
        "{\"id\":\"{3fa85f64-5717-4562-b3fc-2c963f66afa6}\"}",
        "{\"id\":\"3fa85f6457174562b3fc2c963f66afa6\"}",
        "{\"id\":42}",
        "{\"id\":\"" + ID + "\",\"name\":42}",
        "{\"id\":\"" + ID + "\",\"name\":true}",
        "{\"id\":\"" + ID + "\",\"name\":1.5}",
        "{\"id\":\"" + ID + "\",\"name\":[\"a\"]}",
        "{\"id\":\"" + ID + "\",\"created_at\":1699607730}",
        "{\"id\":\"" + ID + "\",\"created_at\":\"2023-11-10T09:15:30\"}",
        "{\"id\":\"" + ID + "\",\"id\":\"" + ID + "\"}",
        "{\"id\":\"" + ID + "\"} trailing",
        "{\"id\":\"" + ID + "\"}{}"
      })
  void refusesWhatTheSpecDoesNotAllow(String json) {
    assertThatThrownBy(() -> segment(json)).isInstanceOf(JsonProcessingException.class);
  }

  @ParameterizedTest(name = "customer_id {0}")
  @CsvSource(
      delimiter = '|',
      value = {"\"1042\"", "1042.0", "1.5", "true", "\"\"", "99999999999999999999999"})
  void refusesNumbersOfTheWrongTypeOrOutOfRange(String value) {
    String json = "{\"id\":\"" + ID + "\",\"customer_id\":" + value + "}";
    assertThatThrownBy(() -> mapper.readValue(json, ShopperProfile.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void refusesPaginationIntegersGivenAsStringsOrFloats() {
    String json =
        "{\"data\":[],\"meta\":{\"pagination\":{\"total\":\"0\",\"count\":0,\"per_page\":50,"
            + "\"current_page\":1.0,\"total_pages\":0}}}";
    assertThatThrownBy(() -> mapper.readValue(json, SegmentsCollectionResponse.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void keepsALeftOutListNullSoThatItCannotPassAsEmpty() throws JsonProcessingException {
    SegmentsCollectionResponse response =
        mapper.readValue("{\"meta\":{}}", SegmentsCollectionResponse.class);
    assertThat(response.getData()).isNull();
    assertThat(ModelRules.problems(response, "")).contains("data is missing");
  }
}
