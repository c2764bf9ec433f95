package io.github.segmentskit.contract;

import io.github.segmentskit.client.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** JSON fixtures from {@code src/test/resources/fixtures}, and the ids they use. */
final class Fixtures {
  static final String TOKEN = "test-token-0123456789abcdef";
  static final String STORE = SpecValidation.STORE_HASH;
  static final String BASE_PATH = SpecValidation.BASE_PATH;
  static final UUID SEGMENT_A = Ids.parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
  static final UUID SEGMENT_B = Ids.parse("9c2e7b1a-4d3f-4a8e-8b6c-1f0e2d3c4b5a");
  static final UUID PROFILE_A = Ids.parse("7d9e2f4a-1b3c-4d5e-9f6a-7b8c9d0e1f2a");
  static final UUID PROFILE_B = Ids.parse("0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d");

  private Fixtures() {}

  static String json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
