package io.github.segmentskit.client;

import java.net.http.HttpHeaders;
import java.time.Duration;

/**
 * A response read to its last byte: status, headers, the body as it came off the wire (possibly
 * gzip) and the time from sending to the last byte.
 */
record Exchanged(int status, HttpHeaders headers, byte[] rawBody, Duration onWire) {}
