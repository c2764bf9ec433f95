package io.github.segmentskit.contract.pact.provider;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a Pact verification class with the JUnit launcher, inside this test, with system properties
 * set for the time of the run (they win over the environment in {@link LiveStoreConfig}), and
 * collects each interaction's outcome by its description.
 */
final class NestedRun {
  /** How one interaction ended. */
  record Outcome(TestExecutionResult.Status status, String message) {
    boolean failed() {
      return status == TestExecutionResult.Status.FAILED;
    }

    boolean skipped() {
      return status == TestExecutionResult.Status.ABORTED;
    }
  }

  private NestedRun() {}

  /**
   * Runs {@code verification} and returns the outcome of each interaction, keyed by the
   * interaction's description, in the order they ran. A failure of the class itself (e.g. in
   * {@code @BeforeAll}) is keyed {@code "<class>"}.
   */
  static Map<String, Outcome> run(Class<?> verification, Map<String, String> properties) {
    Map<String, String> previous = new LinkedHashMap<>();
    properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    try {
      TestExecutionListener listener =
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
              Optional<String> key =
                  test.isTest()
                      ? Optional.of(description(test.getDisplayName()))
                      : test.getSource().isPresent()
                              && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                          ? Optional.of("<class>")
                          : Optional.empty();
              key.ifPresent(
                  k ->
                      outcomes.put(
                          k,
                          new Outcome(
                              result.getStatus(),
                              result.getThrowable().map(NestedRun::messages).orElse(""))));
            }
          };
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(verification))
                  .build(),
              listener);
      return outcomes;
    } finally {
      previous.forEach(
          (key, value) -> {
            if (value == null) {
              System.clearProperty(key);
            } else {
              System.setProperty(key, value);
            }
          });
    }
  }

  /**
   * The interaction's description in Pact JVM's display name, {@code "<consumer> - <description>"}.
   */
  static String description(String displayName) {
    int dash = displayName.indexOf(" - ");
    return dash < 0 ? displayName : displayName.substring(dash + " - ".length());
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable suppressed : failure.getSuppressed()) {
      text.append("\n(also) ").append(suppressed.getMessage());
    }
    Throwable cause = failure.getCause();
    if (cause != null && cause != failure) {
      text.append("\n(cause) ").append(cause.getMessage());
    }
    return text.toString();
  }
}
