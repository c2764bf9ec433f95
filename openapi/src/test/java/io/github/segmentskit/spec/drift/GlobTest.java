package io.github.segmentskit.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void aStarStandsForAnyRunOfCharactersAndTheRestForItself() {
    Glob glob = Glob.of("response 2* header x-rate-limit-*");

    assertThat(glob.matches("response 200 header x-rate-limit-requests-left")).isTrue();
    assertThat(glob.matches("response 429 header x-rate-limit-requests-left")).isFalse();
    assertThat(Glob.of("request body[].name").matches("request body[].name")).isTrue();
    assertThat(Glob.of("request body[].name").matches("request bodyX.name")).isFalse();
    assertThat(Glob.of("GET /segments").matches("GET /segments/{segmentId}/shopper-profiles"))
        .isFalse();
  }
}
