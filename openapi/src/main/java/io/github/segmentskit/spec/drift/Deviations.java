package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the deviations file: a YAML document whose {@code deviations} list holds entries with the
 * keys {@code id}, {@code operations}, {@code where}, {@code aspect}, {@code ours}, {@code
 * upstream}, {@code reason} and {@code source} ({@code operations}, {@code where} and {@code
 * aspect} a pattern or a list of them). Every key is required and must not be blank, ids are
 * unique, and unknown keys are refused: a typo must not turn a record into one that silently
 * matches nothing.
 */
final class Deviations {

  private static final Set<String> KEYS =
      Set.of("id", "operations", "where", "aspect", "ours", "upstream", "reason", "source");

  private Deviations() {}

  /**
   * The deviations recorded in {@code file}; throws {@link IllegalArgumentException} if invalid.
   */
  static List<Deviation> load(Path file) {
    requireNonNull(file, "file == null");
    JsonNode root;
    try {
      root = Yaml.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not readable YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("deviations").isArray()) {
      throw new IllegalArgumentException(file + ": expected a list under 'deviations'");
    }
    List<Deviation> deviations = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int index = 0;
    for (JsonNode entry : root.get("deviations")) {
      Deviation deviation = read(file, index++, entry);
      if (!ids.add(deviation.id())) {
        throw new IllegalArgumentException(file + ": id '" + deviation.id() + "' is used twice");
      }
      deviations.add(deviation);
    }
    return List.copyOf(deviations);
  }

  private static Deviation read(Path file, int index, JsonNode entry) {
    String at = file + ": deviation " + (index + 1);
    if (!entry.isObject()) {
      throw new IllegalArgumentException(at + " is not a mapping");
    }
    if (entry.hasNonNull("id")) {
      at += " ('" + entry.get("id").asText() + "')";
    }
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new IllegalArgumentException(at + ": unknown key '" + name + "'; known: " + KEYS);
      }
    }
    return new Deviation(
        scalar(at, entry, "id"),
        globs(at, entry, "operations"),
        globs(at, entry, "where"),
        globs(at, entry, "aspect"),
        scalar(at, entry, "ours"),
        scalar(at, entry, "upstream"),
        scalar(at, entry, "reason"),
        scalar(at, entry, "source"));
  }

  private static String scalar(String at, JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(at + ": '" + key + "' is missing");
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException(at + ": '" + key + "' must be a non-blank text");
    }
    return value.asText().strip();
  }

  private static List<Glob> globs(String at, JsonNode entry, String key) {
    JsonNode value = entry.get(key);
    if (value != null && value.isArray()) {
      List<Glob> globs = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isValueNode() || item.asText().isBlank()) {
          throw new IllegalArgumentException(at + ": '" + key + "' holds a blank or nested item");
        }
        globs.add(Glob.of(item.asText()));
      }
      if (globs.isEmpty()) {
        throw new IllegalArgumentException(at + ": '" + key + "' is empty");
      }
      return globs;
    }
    return List.of(Glob.of(scalar(at, entry, key)));
  }
}
