package io.github.segmentskit.client;

/** The API answered a 5xx status: the API failed; see status() for which. */
public final class ServerErrorException extends SegmentsApiException {
  private static final long serialVersionUID = 1L;

  ServerErrorException(ErrorDetails details) {
    super(details);
  }
}
