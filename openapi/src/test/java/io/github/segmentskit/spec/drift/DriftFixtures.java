package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drift check's fixtures in src/test/resources/drift: ours.yaml, upstream.yaml (written for
 * these tests in the shape of a published reference) and deviations.yaml, which records every
 * difference between the two; and changed copies of them.
 */
final class DriftFixtures {

  private DriftFixtures() {}

  static Path ours() {
    return fixture("ours.yaml");
  }

  static Path upstream() {
    return fixture("upstream.yaml");
  }

  static Path deviations() {
    return fixture("deviations.yaml");
  }

  static Path fixture(String name) {
    URL url = DriftFixtures.class.getResource("/drift/" + requireNonNull(name, "name == null"));
    if (url == null) {
      throw new IllegalArgumentException("no fixture drift/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of {@code spec} in {@code dir}, changed by {@code change} (which gets the root). */
  static Path changed(Path dir, Path spec, Consumer<ObjectNode> change) {
    try {
      ObjectNode root = (ObjectNode) Yaml.mapper().readTree(spec.toFile());
      change.accept(root);
      Path copy = dir.resolve("changed-" + spec.getFileName());
      Yaml.mapper().writeValue(copy.toFile(), root);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The differences between two spec files. */
  static List<Difference> differences(Path ours, Path upstream) {
    return Differences.between(
        SpecReader.read(ours, "spec of ours").api(),
        SpecReader.read(upstream, "upstream spec").api());
  }

  /** The node at {@code path} (keys from the root), as an object to change. */
  static ObjectNode at(ObjectNode root, String... path) {
    ObjectNode node = root;
    for (String key : path) {
      node = (ObjectNode) node.get(key);
      if (node == null) {
        throw new IllegalArgumentException("no " + String.join("/", path));
      }
    }
    return node;
  }
}
