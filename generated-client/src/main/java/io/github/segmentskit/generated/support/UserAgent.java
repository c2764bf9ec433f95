package io.github.segmentskit.generated.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code User-Agent} every request of the kit sends: {@code segments-kit/<version>
 * java/<java.version>}, so that BigCommerce (and a proxy's logs) can tell the kit's traffic apart.
 */
public final class UserAgent {
  private static final String VALUE =
      "segments-kit/" + version() + " java/" + System.getProperty("java.version", "unknown");

  private UserAgent() {}

  /** The header value. */
  public static String value() {
    return VALUE;
  }

  private static String version() {
    try (InputStream in = UserAgent.class.getResourceAsStream("segments-kit.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
