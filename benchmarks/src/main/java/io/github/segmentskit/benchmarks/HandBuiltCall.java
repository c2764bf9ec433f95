package io.github.segmentskit.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.segmentskit.generated.model.SegmentPut;
import io.github.segmentskit.generated.model.SegmentsWriteResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The baseline: what a caller writes by hand with {@code java.net.http} and Jackson for one {@code
 * PUT /segments} — serialize, send with the three headers, check the status, parse the answer into
 * the same model. No validation, limiter, retries or error mapping.
 */
final class HandBuiltCall {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final URI segments;
  private final String token;

  HandBuiltCall(URI baseUri, String token) {
    this.segments = URI.create(baseUri + "/segments");
    this.token = token;
  }

  SegmentsWriteResponse updateSegments(List<SegmentPut> puts) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(segments)
              .timeout(Duration.ofSeconds(30))
              .header("X-Auth-Token", token)
              .header("Accept", "application/json")
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(puts)))
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("PUT /segments -> " + response.statusCode());
      }
      return mapper.readValue(response.body(), SegmentsWriteResponse.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
