package io.github.segmentskit.contract.pact;

import java.nio.file.Files;
import java.nio.file.Path;

/** The names, tokens and place every pact suite agrees on. */
public final class Pacts {
  /** The consumer of the pacts the kit's client drives. */
  public static final String CONSUMER = "segments-kit-client";

  /**
   * The consumer of the deliberately off-spec probes (raw requests the client refuses to send): its
   * own pact file, so the spec check can leave it out by name, visibly.
   */
  public static final String RAW_PROBE_CONSUMER = "segments-kit-raw-probe";

  /** The provider: BigCommerce's Segments API (or the simulator standing in for it). */
  public static final String PROVIDER = "bigcommerce-segments-api";

  /** The consumer tests' token with the Customers modify scope (the simulator is given it too). */
  public static final String MODIFY_TOKEN = "contract-modify-token";

  /** The consumer tests' read-only token (the simulator is given it as read-only). */
  public static final String READ_ONLY_TOKEN = "contract-read-only-token";

  /** A token no store accepts. */
  public static final String INVALID_TOKEN = "not-a-valid-token";

  private Pacts() {}

  /** The pact directory, system property {@code pact.rootDir} (set by Surefire and Failsafe). */
  public static Path directory() {
    String configured = System.getProperty("pact.rootDir");
    if (configured == null) {
      throw new IllegalStateException("system property pact.rootDir is not set");
    }
    return Path.of(configured);
  }

  /** The pact file of {@code consumer} with the provider, as Pact JVM names it. */
  public static Path file(String consumer) {
    Path file = directory().resolve(consumer + "-" + PROVIDER + ".json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no pact at " + file.toAbsolutePath() + ": the consumer tests write it (mvn verify)");
    }
    return file;
  }
}
