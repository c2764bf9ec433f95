package io.github.segmentskit.benchmarks;

import io.github.segmentskit.generated.model.SegmentPut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The request and response bodies the benchmarks send and answer: n segments, fixed content. */
final class Payloads {
  private Payloads() {}

  /** {@code n} updates of made-up segments, the same on every call. */
  static List<SegmentPut> updates(int n) {
    List<SegmentPut> puts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      puts.add(
          new SegmentPut()
              .id(new UUID(0x3fa85f6457174562L, 0xb3fc2c963f66afa6L + i))
              .name("Segment number " + i)
              .description("A benchmark segment, number " + i + " of " + n));
    }
    return List.copyOf(puts);
  }

  /**
   * The write response to an update of {@code n} segments: {@code {"data":[n segments],"meta":{}}}.
   */
  static byte[] writeResponse(int n) {
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"id\":\"")
          .append(new UUID(0x3fa85f6457174562L, 0xb3fc2c963f66afa6L + i))
          .append("\",\"name\":\"Segment number ")
          .append(i)
          .append("\",\"description\":\"A benchmark segment, number ")
          .append(i)
          .append(" of ")
          .append(n)
          .append(
              "\",\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-02T00:00:00Z\"}");
    }
    return json.append("],\"meta\":{}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
