package io.github.segmentskit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * How openapi/pom.xml runs the module's checks: the stale reports are reset before the tests (and
 * even with {@code -Dexec.skip=true}), and the upstream drift check runs only in a profile that
 * {@code -Dupstream.spec} switches on, never in a plain build.
 */
class BuildWiringTest {

  private static Document pom;

  @BeforeAll
  static void read() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
  }

  @Test
  void resetsStaleReportsBeforeTheTestsEvenWhenExecIsSkipped() {
    Element execution = execution("stale-reports");

    assertThat(parent(execution, "profile")).isNull();
    assertThat(text(execution, "phase")).isEqualTo("process-classes");
    assertThat(text(execution, "skip")).isEqualTo("false");
    assertThat(text(execution, "mainClass")).isEqualTo(StaleReports.class.getName());
  }

  @Test
  void runsTheGateInVerify() {
    Element execution = execution("spec-gate");

    assertThat(parent(execution, "profile")).isNull();
    assertThat(text(execution, "phase")).isEqualTo("verify");
  }

  @Test
  void runsTheDriftCheckOnlyWhenUpstreamSpecIsGiven() {
    Element execution = execution("upstream-drift");
    Element profile = parent(execution, "profile");

    assertThat(profile).as("the drift check sits in a profile").isNotNull();
    Element activation = (Element) profile.getElementsByTagName("activation").item(0);
    assertThat(text(activation, "name")).isEqualTo("upstream.spec");
    assertThat(activation.getElementsByTagName("value").getLength()).isZero();
    assertThat(activation.getElementsByTagName("activeByDefault").getLength()).isZero();
    assertThat(text(execution, "phase")).isEqualTo("verify");
    assertThat(text(execution, "mainClass"))
        .isEqualTo("io.github.segmentskit.spec.drift.DriftMain");
  }

  private static Element execution(String id) {
    List<Element> found = new ArrayList<>();
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      if (id.equals(text(execution, "id"))) {
        found.add(execution);
      }
    }
    assertThat(found).as("executions with id " + id).hasSize(1);
    return found.get(0);
  }

  private static Element parent(Element element, String tag) {
    for (Node node = element.getParentNode(); node != null; node = node.getParentNode()) {
      if (node instanceof Element parent && parent.getTagName().equals(tag)) {
        return parent;
      }
    }
    return null;
  }

  private static String text(Element element, String tag) {
    NodeList nodes = element.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }
}
