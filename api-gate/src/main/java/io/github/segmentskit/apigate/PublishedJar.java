package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A segments-kit jar as the gate sees it, read from the jar itself: its coordinates from the {@code
 * META-INF/maven/io.github.segmentskit/<artifactId>/pom.properties} that maven-jar-plugin writes,
 * the segments-kit artifacts it depends on from the pom beside it, and the packages of its classes.
 * Released jars and the jars just built are read the same way, so a released jar needs no side
 * file.
 *
 * @param file the jar
 * @param artifactId e.g. {@code segments-client}
 * @param version the version the jar was built as
 * @param kitDependencies the segments-kit artifacts it needs at run time (compile or runtime scope)
 * @param packages the packages of its classes
 */
record PublishedJar(
    Path file,
    String artifactId,
    Version version,
    List<String> kitDependencies,
    Set<String> packages) {

  static final String GROUP_ID = "io.github.segmentskit";
  private static final String DESCRIPTOR_DIR = "META-INF/maven/" + GROUP_ID + "/";

  PublishedJar {
    requireNonNull(file, "file == null");
    requireNonNull(artifactId, "artifactId == null");
    requireNonNull(version, "version == null");
    kitDependencies = List.copyOf(kitDependencies);
    packages = Collections.unmodifiableSet(new TreeSet<>(packages));
  }

  /** Reads a jar built by this project; fails if it has no segments-kit Maven descriptor. */
  static PublishedJar read(Path file) {
    requireNonNull(file, "file == null");
    try (JarFile jar = new JarFile(file.toFile())) {
      List<JarEntry> descriptors =
          jar.stream()
              .filter(
                  entry ->
                      entry.getName().startsWith(DESCRIPTOR_DIR)
                          && entry.getName().endsWith("/pom.properties"))
              .toList();
      if (descriptors.size() != 1) {
        throw new ApiGateException(
            file
                + " holds "
                + descriptors.size()
                + " Maven descriptors of group "
                + GROUP_ID
                + " (META-INF/maven/"
                + GROUP_ID
                + "/*/pom.properties); a segments-kit jar holds exactly one.");
      }
      Properties properties = new Properties();
      try (InputStream in = jar.getInputStream(descriptors.get(0))) {
        properties.load(in);
      }
      String artifactId = required(properties, "artifactId", file);
      Version version = Version.parse(required(properties, "version", file));
      JarEntry pom = jar.getJarEntry(DESCRIPTOR_DIR + artifactId + "/pom.xml");
      List<String> dependencies = new ArrayList<>();
      if (pom != null) {
        try (InputStream in = jar.getInputStream(pom)) {
          dependencies.addAll(kitDependencies(in));
        }
      }
      Set<String> packages = new TreeSet<>();
      jar.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
          .filter(name -> name.lastIndexOf('/') > 0)
          .map(name -> name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
          .forEach(packages::add);
      return new PublishedJar(file, artifactId, version, dependencies, packages);
    } catch (IOException e) {
      throw new ApiGateException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String required(Properties properties, String key, Path file) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new ApiGateException(file + ": its pom.properties has no " + key);
    }
    return value.trim();
  }

  /** The segments-kit artifacts a pom depends on in compile or runtime scope. */
  private static List<String> kitDependencies(InputStream pom) throws IOException {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(pom);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("unreadable pom.xml: " + e.getMessage(), e);
    }
    List<String> result = new ArrayList<>();
    Element project = document.getDocumentElement();
    Element dependencies = child(project, "dependencies");
    if (dependencies == null) {
      return result;
    }
    NodeList nodes = dependencies.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (!(nodes.item(i) instanceof Element dependency)
          || !dependency.getTagName().equals("dependency")) {
        continue;
      }
      String groupId = text(dependency, "groupId");
      String scope = text(dependency, "scope");
      boolean kit = GROUP_ID.equals(groupId) || "${project.groupId}".equals(groupId);
      boolean runtime = scope == null || scope.equals("compile") || scope.equals("runtime");
      if (kit && runtime) {
        result.add(text(dependency, "artifactId"));
      }
    }
    return result;
  }

  private static Element child(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }
}
