package io.github.segmentskit.simulator.junit;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.simulator.SegmentsSimulator;
import io.github.segmentskit.simulator.SimulatedStore;
import io.github.segmentskit.simulator.SimulatorConfig;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives the tests of a class a running {@link SegmentsSimulator} on a free
 * loopback port, and stops it after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SegmentsSimulatorExtension simulator = SegmentsSimulatorExtension.create();
 *
 * @Test
 * void listsSegments() {
 *   simulator.store().createSegment("Wholesale", "");
 *   URI base = simulator.baseUri();     // http://127.0.0.1:PORT/stores/abc123/v3
 *   String token = simulator.token();   // simulator-token (not a secret)
 *   ...
 * }
 *
 * @Test
 * void orAsParameters(SimulatorEndpoint endpoint, SimulatedStore store, SegmentsSimulator server) {}
 * }</pre>
 *
 * <p>Registered on a static field (or with {@code @ExtendWith}), one simulator serves every test of
 * the class and of its {@code @Nested} classes, and is closed after the class; registered on an
 * instance field, each test gets its own, closed after the test. State is kept between tests unless
 * {@link #resetBeforeEach()} is used. The extension's configuration is immutable: the {@code
 * with...} methods return copies. Parameters it resolves: {@link SimulatorEndpoint}, {@link
 * SimulatedStore} (the extension's store) and {@link SegmentsSimulator}.
 *
 * <p>JUnit is a provided dependency of the simulator: a project that uses this class has JUnit
 * Jupiter on its test class path already; one that only runs the simulator gets no JUnit.
 */
public final class SegmentsSimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  /** The store the extension hands out unless told otherwise. */
  public static final String DEFAULT_STORE_HASH = "abc123";

  private final SimulatorConfig config;
  private final String storeHash;
  private final String token;
  private final boolean resetBeforeEach;

  private SegmentsSimulator running;
  private String owner;

  /**
   * The defaults of {@link #create()}; for {@code @ExtendWith(SegmentsSimulatorExtension.class)}.
   */
  public SegmentsSimulatorExtension() {
    this(SegmentsSimulator.builder().config(), DEFAULT_STORE_HASH, null, false);
  }

  private SegmentsSimulatorExtension(
      SimulatorConfig config, String storeHash, String token, boolean resetBeforeEach) {
    this.config = config;
    this.storeHash = storeHash;
    this.token = token;
    this.resetBeforeEach = resetBeforeEach;
  }

  /**
   * A simulator with the defaults of {@link SegmentsSimulator#builder()} (127.0.0.1, a free port,
   * the development token {@value SimulatorConfig#DEV_TOKEN}), handing out store {@value
   * #DEFAULT_STORE_HASH}.
   */
  public static SegmentsSimulatorExtension create() {
    return new SegmentsSimulatorExtension();
  }

  /**
   * A simulator with this configuration, e.g. {@code
   * create(SegmentsSimulator.builder().readOnlyTokens("reader").quota(150, window).config())}.
   */
  public static SegmentsSimulatorExtension create(SimulatorConfig config) {
    requireNonNull(config, "config == null");
    return new SegmentsSimulatorExtension(config, DEFAULT_STORE_HASH, null, false);
  }

  /** A copy that hands out this store (1 to 64 letters and digits). */
  public SegmentsSimulatorExtension withStoreHash(String storeHash) {
    requireNonNull(storeHash, "storeHash == null");
    if (!storeHash.matches("[A-Za-z0-9]{1,64}")) {
      throw new IllegalArgumentException(
          "store hash must be 1 to 64 letters and digits but was '" + storeHash + "'");
    }
    return new SegmentsSimulatorExtension(config, storeHash, token, resetBeforeEach);
  }

  /**
   * A copy that hands out this token; it must be one of the configuration's modify tokens. Needed
   * only when the configuration has several of them and none is {@value SimulatorConfig#DEV_TOKEN}.
   */
  public SegmentsSimulatorExtension withToken(String token) {
    requireNonNull(token, "token == null");
    if (!config.modifyTokens().contains(token)) {
      throw new IllegalArgumentException("token is not one of the configuration's modify tokens");
    }
    return new SegmentsSimulatorExtension(config, storeHash, token, resetBeforeEach);
  }

  /** A copy that empties every store and zeroes the metrics before each test. */
  public SegmentsSimulatorExtension resetBeforeEach() {
    return new SegmentsSimulatorExtension(config, storeHash, token, true);
  }

  /** The configuration the simulator is started with. */
  public SimulatorConfig config() {
    return config;
  }

  /** The running simulator. */
  public synchronized SegmentsSimulator simulator() {
    if (running == null) {
      throw new IllegalStateException(
          "the simulator is not running: it runs while a test of the class that registers the"
              + " extension runs (register it on a static field to use it in @BeforeAll)");
    }
    return running;
  }

  /** {@code http://127.0.0.1:PORT/stores/{storeHash}/v3} of the running simulator. */
  public URI baseUri() {
    return simulator().baseUri(storeHash);
  }

  /** The store hash handed out. */
  public String storeHash() {
    return storeHash;
  }

  /**
   * The modify token to send: the one chosen with {@link #withToken(String)}, else {@value
   * SimulatorConfig#DEV_TOKEN} if configured, else the configuration's only modify token.
   *
   * @throws IllegalStateException if the configuration has several and none was chosen
   */
  public String token() {
    if (token != null) {
      return token;
    }
    Set<String> tokens = config.modifyTokens();
    if (tokens.contains(SimulatorConfig.DEV_TOKEN)) {
      return SimulatorConfig.DEV_TOKEN;
    }
    if (tokens.size() == 1) {
      return tokens.iterator().next();
    }
    throw new IllegalStateException(
        "the configuration has "
            + tokens.size()
            + " modify tokens: choose the one to hand out with withToken(..)");
  }

  /** The extension's store of the running simulator. */
  public SimulatedStore store() {
    return simulator().store(storeHash);
  }

  /** The base URI and token of the extension's store. */
  public SimulatorEndpoint endpoint() {
    return new SimulatorEndpoint(baseUri(), storeHash, token());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfStopped(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startIfStopped(context);
    if (resetBeforeEach) {
      SegmentsSimulator simulator = simulator();
      simulator.resetAllStores();
      simulator.metrics().reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SimulatorEndpoint.class
        || type == SimulatedStore.class
        || type == SegmentsSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == SimulatorEndpoint.class) {
      return endpoint();
    }
    if (type == SimulatedStore.class) {
      return store();
    }
    return simulator();
  }

  private synchronized void startIfStopped(ExtensionContext context) {
    if (running == null) {
      running = SegmentsSimulator.create(config).start();
      owner = context.getUniqueId();
    }
  }

  private synchronized void stopIfStartedBy(ExtensionContext context) {
    if (running != null && context.getUniqueId().equals(owner)) {
      try {
        running.close();
      } finally {
        running = null;
        owner = null;
      }
    }
  }

  @Override
  public String toString() {
    return "SegmentsSimulatorExtension{store=" + storeHash + ", " + config + "}";
  }
}
