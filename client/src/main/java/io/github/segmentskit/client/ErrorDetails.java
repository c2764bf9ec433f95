package io.github.segmentskit.client;

import java.util.List;
import java.util.Map;

/**
 * What {@link ErrorMapper} read from an error response; carried by {@link SegmentsApiException}.
 */
record ErrorDetails(
    int status,
    String title,
    String type,
    String instance,
    Map<String, String> errors,
    String rawBody,
    Operation operation,
    String path,
    Map<String, List<String>> headers,
    String message) {

  ErrorDetails {
    errors = Map.copyOf(errors);
    headers = Map.copyOf(headers);
  }
}
