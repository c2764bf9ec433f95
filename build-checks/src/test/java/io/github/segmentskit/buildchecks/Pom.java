package io.github.segmentskit.buildchecks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A pom.xml read as XML: just enough to ask it what the build checks rely on. */
record Pom(Path file, Element project) {

  static Pom read(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new Pom(file, factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  String artifactId() {
    return text(project, "artifactId").orElseThrow();
  }

  String packaging() {
    return text(project, "packaging").orElse("jar");
  }

  Optional<String> property(String name) {
    return child(project, "properties").flatMap(properties -> text(properties, name));
  }

  List<String> modules() {
    return child(project, "modules").map(m -> texts(m, "module")).orElse(List.of());
  }

  /** The dependencies of {@code <dependencies>} (or of {@code <dependencyManagement>}). */
  List<Element> dependencies(boolean managed) {
    Optional<Element> parent =
        managed ? child(project, "dependencyManagement") : Optional.of(project);
    return parent
        .flatMap(p -> child(p, "dependencies"))
        .map(d -> children(d, "dependency"))
        .orElse(List.of());
  }

  static Optional<Element> child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        result.add(element);
      }
    }
    return result;
  }

  static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(element -> element.getTextContent().trim());
  }

  static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
  }
}
