package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * A request exactly as it is about to be sent: method, path, raw query and body, after Pact JVM
 * injected the provider-state values and the live run moved it to the store. What {@link
 * LiveRequestGuard} judges.
 *
 * @param method e.g. {@code DELETE}
 * @param path the path, without the query
 * @param rawQuery the query as sent (percent-encoded), empty if none
 * @param body the body as text (UTF-8), empty if none
 */
record SentRequest(String method, String path, String rawQuery, String body) {
  SentRequest {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    requireNonNull(rawQuery, "rawQuery == null");
    requireNonNull(body, "body == null");
  }

  /**
   * Reads {@code request} as Pact JVM will send it. The body is read once and put back as a
   * repeatable entity, so the request still sends it.
   */
  static SentRequest of(ClassicHttpRequest request) {
    requireNonNull(request, "request == null");
    String target = request.getPath();
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    String body = "";
    HttpEntity entity = request.getEntity();
    if (entity != null) {
      try {
        byte[] bytes = EntityUtils.toByteArray(entity);
        request.setEntity(
            new ByteArrayEntity(
                bytes,
                entity.getContentType() == null ? null : ContentType.parse(entity.getContentType()),
                entity.getContentEncoding()));
        body = new String(bytes, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SentRequest(request.getMethod(), path, query, body);
  }

  /**
   * The values of query parameter {@code name} (decoded), split at commas as {@code id:in} lists
   * are; empty if the parameter is not there. A present parameter with an empty value gives one
   * empty string.
   */
  Optional<List<String>> queryList(String name) {
    requireNonNull(name, "name == null");
    if (rawQuery.isEmpty()) {
      return Optional.empty();
    }
    List<String> values = null;
    for (String pair : rawQuery.split("&", -1)) {
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      if (!key.equals(name)) {
        continue;
      }
      if (values == null) {
        values = new ArrayList<>();
      }
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      for (String item : value.split(",", -1)) {
        values.add(item.strip());
      }
    }
    return Optional.ofNullable(values).map(List::copyOf);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
