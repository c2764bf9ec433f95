package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error-body reader keeps what the error mapper uses, and no more. */
class ErrorBodyReaderTest {

  @Test
  void keepsTitleTypeInstanceMetaErrorsAndDataAndSkipsTheRest() {
    JsonNode body =
        ErrorBodyReader.read(
            "{\"status\":409,\"title\":\"t\",\"type\":\"https://x\",\"instance\":\"i\","
                + "\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"debug\":{\"trace\":[1,2,3]},"
                + "\"errors\":[{\"status\":409,\"title\":\"dup\",\"errors\":{}}],"
                + "\"meta\":{\"total\":2,\"success\":1,\"failed\":1}}");

    assertThat(body.get("title").asText()).isEqualTo("t");
    assertThat(body.get("type").asText()).isEqualTo("https://x");
    assertThat(body.get("instance").asText()).isEqualTo("i");
    assertThat(body.get("errors").get(0).get("title").asText()).isEqualTo("dup");
    assertThat(body.get("errors").get(0).get("status").isInt()).isTrue();
    assertThat(body.get("meta").get("failed").intValue()).isEqualTo(1);
    assertThat(body.get("data").get(1).get("id").asText()).isEqualTo("b");
    assertThat(body.has("debug")).as("skipped, never built").isFalse();
    assertThat(body.has("status")).isFalse();
  }

  @Test
  void keepsTheFirstHundredFieldErrorsOfAnyNumber() {
    StringBuilder errors = new StringBuilder("{\"errors\":{");
    for (int i = 0; i < 300_000; i++) {
      errors.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"v\"");
    }
    JsonNode body = ErrorBodyReader.read(errors.append("},\"title\":\"last\"}").toString());

    assertThat(body.get("errors").size()).isEqualTo(ErrorBodyReader.MAX_ERRORS);
    assertThat(body.get("errors").has("f99")).isTrue();
    assertThat(body.get("title").asText()).as("fields after the errors are read").isEqualTo("last");
  }

  @Test
  void cutsOffAValueAfterItsNodeBudget() {
    StringBuilder meta = new StringBuilder("{\"meta\":{\"huge\":[");
    for (int i = 0; i < 100_000; i++) {
      meta.append(i == 0 ? "" : ",").append(i);
    }
    JsonNode body = ErrorBodyReader.read(meta.append("]},\"title\":\"t\"}").toString());

    assertThat(body.get("meta").get("huge").size()).isLessThan(ErrorBodyReader.MAX_NODES_PER_VALUE);
    assertThat(body.get("title").asText()).isEqualTo("t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "null", "[]", "\"text\"", "<html>", "{\"title\":", "{\"a\":1"})
  void aBodyThatIsNotAJsonObjectIsNull(String body) {
    assertThat(ErrorBodyReader.read(body)).isNull();
  }
}
