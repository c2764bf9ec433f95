package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live run starts only after this build's simulator-side checks passed. */
class SimulatorChecksGateTest {
  private static final Instant PACTS_WRITTEN = Instant.parse("2026-12-01T12:00:00Z");
  private static final Instant AFTER = PACTS_WRITTEN.plusSeconds(60);

  @TempDir Path target;
  private Path pacts;
  private Path failsafe;
  private Path surefire;

  @BeforeEach
  void aBuildWhoseChecksAllPassed() throws IOException {
    pacts = Files.createDirectories(target.resolve("pacts"));
    failsafe = Files.createDirectories(target.resolve("failsafe-reports"));
    surefire = Files.createDirectories(target.resolve("surefire-reports"));
    write(pacts.resolve("segments-kit-client-bigcommerce-segments-api.json"), "{}", PACTS_WRITTEN);
    for (String required : SimulatorChecksGate.REQUIRED) {
      report(failsafe, required, 3, 0, 0, AFTER);
    }
    report(surefire, "io.github.segmentskit.contract.SomeTest", 5, 0, 0, PACTS_WRITTEN);
    summary(0, 0, AFTER);
  }

  @Test
  void letsTheLiveRunStartWhenEveryCheckRanAndPassedInThisBuild() {
    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts)).isEmpty();
  }

  @Test
  void stopsItWhenARequiredCheckDidNotRun() throws IOException {
    String required = SimulatorChecksGate.REQUIRED.get(1);
    Files.delete(failsafe.resolve("TEST-" + required + ".xml"));

    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactly(required + " did not run");
  }

  @Test
  void stopsItWhenARequiredCheckRanNoTest() throws IOException {
    String required = SimulatorChecksGate.REQUIRED.get(0);
    report(failsafe, required, 0, 0, 0, AFTER);

    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactly(required + " ran no test");
  }

  @Test
  void stopsItWhenAnyCheckFailed() throws IOException {
    report(failsafe, SimulatorChecksGate.REQUIRED.get(2), 3, 1, 0, AFTER);
    report(surefire, "io.github.segmentskit.contract.OtherTest", 2, 0, 1, AFTER);

    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactlyInAnyOrder(
            "TEST-" + SimulatorChecksGate.REQUIRED.get(2) + ".xml has failures or errors",
            "TEST-io.github.segmentskit.contract.OtherTest.xml has failures or errors");
  }

  @Test
  void stopsItWhenTheSummaryReportsFailures() throws IOException {
    summary(1, 0, AFTER);

    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactly("the Failsafe summary reports failures or errors");
  }

  @Test
  void stopsItOnReportsOfAnEarlierBuild() throws IOException {
    String required = SimulatorChecksGate.REQUIRED.get(3);
    report(failsafe, required, 3, 0, 0, PACTS_WRITTEN.minusSeconds(3600));
    summary(0, 0, PACTS_WRITTEN.minusSeconds(3600));

    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactlyInAnyOrder(
            required + " did not run in this build (its report is older than the pacts)",
            "the Failsafe summary is older than the pacts");
  }

  @Test
  void stopsItWithoutPactsOrReports() throws IOException {
    assertThat(SimulatorChecksGate.problems(failsafe, surefire, target.resolve("none")))
        .containsExactly("no pacts in " + target.resolve("none"));
    Files.delete(failsafe.resolve("failsafe-summary.xml"));
    assertThat(SimulatorChecksGate.problems(failsafe, surefire, pacts))
        .containsExactly("no Failsafe summary at " + failsafe.resolve("failsafe-summary.xml"));
  }

  @Test
  void requirePassedThrowsWithEveryProblem() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SimulatorChecksGate.requirePassed(target.resolve("x"), surefire, pacts));

    assertThat(e.getMessage())
        .contains("only after every simulator-side check of this build passed")
        .contains(SimulatorChecksGate.REQUIRED.get(0) + " did not run")
        .contains("no Failsafe summary");
  }

  @Test
  void requiresChecksThatExist() throws ClassNotFoundException {
    for (String required : SimulatorChecksGate.REQUIRED) {
      assertThat(Class.forName(required).getSimpleName()).endsWith("IT");
    }
  }

  private static void report(
      Path directory, String testClass, int tests, int failures, int errors, Instant written)
      throws IOException {
    write(
        directory.resolve("TEST-" + testClass + ".xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
            + testClass
            + "\" tests=\""
            + tests
            + "\" errors=\""
            + errors
            + "\" skipped=\"0\" failures=\""
            + failures
            + "\"></testsuite>\n",
        written);
  }

  private void summary(int failures, int errors, Instant written) throws IOException {
    write(
        failsafe.resolve("failsafe-summary.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<failsafe-summary timeout=\"false\">"
            + "<completed>15</completed><errors>"
            + errors
            + "</errors><failures>"
            + failures
            + "</failures><skipped>0</skipped><failureMessage/></failsafe-summary>\n",
        written);
  }

  private static void write(Path file, String text, Instant modified) throws IOException {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }
}
