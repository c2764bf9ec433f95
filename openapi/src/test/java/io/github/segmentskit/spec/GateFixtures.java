package io.github.segmentskit.spec;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The tiny specs in src/test/resources/gate (base.yaml and copies of it with one change each), and
 * the real specs the build names in system properties.
 */
final class GateFixtures {

  private GateFixtures() {}

  static Path base() {
    return fixture("base.yaml");
  }

  static Path fixture(String name) {
    URL url = GateFixtures.class.getResource("/gate/" + requireNonNull(name, "name == null"));
    if (url == null) {
      throw new IllegalArgumentException("no fixture gate/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code info.version} of a spec. */
  static String infoVersion(Path spec) {
    OpenAPI api = new OpenAPIV3Parser().read(spec.toString());
    if (api == null || api.getInfo() == null) {
      throw new IllegalArgumentException(spec + " does not parse or has no info");
    }
    return api.getInfo().getVersion();
  }

  /** A path given to the build as a system property (see the module's surefire configuration). */
  static Path fromProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set: run with Maven");
    }
    return Path.of(value);
  }
}
