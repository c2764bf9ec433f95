package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build wiring that keeps a live run behind the simulator-side checks, read from {@code
 * contract-tests/pom.xml}: Maven runs executions bound to one phase in the order the pom declares
 * them, and Failsafe fails the build only in its {@code verify} goal. So the live execution must
 * bind both goals to {@code verify} and come after the simulator-side execution, whose {@code
 * verify} then stops the build before the live run starts.
 */
class LiveRunOrderingTest {
  private static Element failsafe;
  private static Element clean;
  private static Element profiles;

  @BeforeAll
  static void readThePom() throws Exception {
    Path pom = Path.of(System.getProperty("basedir", "."), "pom.xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    Element build = child(project, "build").orElseThrow();
    failsafe =
        children(child(build, "plugins").orElseThrow(), "plugin").stream()
            .filter(plugin -> text(plugin, "artifactId").equals("maven-failsafe-plugin"))
            .findFirst()
            .orElseThrow();
    clean =
        children(child(build, "plugins").orElseThrow(), "plugin").stream()
            .filter(plugin -> text(plugin, "artifactId").equals("maven-clean-plugin"))
            .findFirst()
            .orElseThrow();
    profiles = child(project, "profiles").orElseThrow();
  }

  @Test
  void theLiveExecutionComesAfterTheSimulatorSideExecutionAndRunsInVerify() {
    List<Element> executions = executions();

    assertThat(executions)
        .extracting(e -> text(e, "id"))
        .containsExactly("contracts", "live-store");
    Element contracts = executions.get(0);
    Element live = executions.get(1);
    assertThat(child(contracts, "phase")).as("contracts: the default phases").isEmpty();
    assertThat(goals(contracts)).containsExactly("integration-test", "verify");
    assertThat(text(live, "phase")).isEqualTo("verify");
    assertThat(goals(live)).containsExactly("integration-test", "verify");
  }

  @Test
  void theLiveExecutionRunsOnlyTheLiveVerificationWithItsOwnReportsAndTheGatesInputs() {
    Element configuration = child(executions().get(1), "configuration").orElseThrow();

    assertThat(text(configuration, "skip")).isEqualTo("${live.verification.skip}");
    assertThat(children(child(configuration, "includes").orElseThrow(), "include"))
        .extracting(Node::getTextContent)
        .containsExactly("**/LiveStoreVerification.java");
    assertThat(text(configuration, "reportsDirectory"))
        .isEqualTo("${project.build.directory}/failsafe-reports-live");
    Element properties = child(configuration, "systemPropertyVariables").orElseThrow();
    assertThat(text(properties, SimulatorChecksGate.FAILSAFE_REPORTS))
        .isEqualTo("${project.build.directory}/failsafe-reports");
    assertThat(text(properties, SimulatorChecksGate.SUREFIRE_REPORTS))
        .isEqualTo("${project.build.directory}/surefire-reports");
  }

  @Test
  void anEarlierBuildsLiveReportsAreDeletedBeforeTheTests() {
    // Failsafe merges the second execution's summary into the file it finds: a stale failed one
    // would fail every later live run.
    Element execution = children(child(clean, "executions").orElseThrow(), "execution").get(0);
    Element configuration = child(execution, "configuration").orElseThrow();

    assertThat(text(execution, "phase")).isEqualTo("process-test-classes");
    assertThat(children(child(configuration, "filesets").orElseThrow(), "fileset"))
        .extracting(fileset -> text(fileset, "directory"))
        .contains("${project.build.directory}/failsafe-reports-live");
    assertThat(text(child(executions().get(1), "configuration").orElseThrow(), "summaryFile"))
        .startsWith("${project.build.directory}/failsafe-reports-live/");
  }

  @Test
  void theLiveExecutionIsSkippedUnlessProfileLiveIsOn() {
    Element live =
        children(profiles, "profile").stream()
            .filter(profile -> text(profile, "id").equals("live"))
            .findFirst()
            .orElseThrow();

    assertThat(text(child(live, "properties").orElseThrow(), "live.verification.skip"))
        .isEqualTo("false");
    assertThat(child(live, "build")).as("-Plive changes nothing but the skip").isEmpty();
  }

  @Test
  void theSimulatorSideExecutionNeverPicksUpTheLiveVerification() {
    assertThat(child(executions().get(0), "configuration")).isEmpty();
    // Failsafe's default includes: **/IT*.java, **/*IT.java, **/*ITCase.java
    assertThat(LiveStoreVerification.class.getSimpleName())
        .doesNotStartWith("IT")
        .doesNotEndWith("IT")
        .doesNotEndWith("ITCase");
  }

  private static List<Element> executions() {
    return children(child(failsafe, "executions").orElseThrow(), "execution");
  }

  private static List<String> goals(Element execution) {
    return children(child(execution, "goals").orElseThrow(), "goal").stream()
        .map(Node::getTextContent)
        .map(String::strip)
        .toList();
  }

  private static String text(Element parent, String name) {
    return child(parent, name).map(Node::getTextContent).map(String::strip).orElse("");
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
