package io.github.segmentskit.contract.pact.provider;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Lets the live run start only after every simulator-side check of the same build passed. The build
 * already runs the live execution last (its Failsafe goals are bound to {@code verify}, after the
 * simulator-side execution's own {@code verify}, which fails the build first); this gate reads the
 * reports themselves, so the order holds even with {@code -Dmaven.test.failure.ignore}, a filtered
 * {@code -Dit.test}, or a run started outside Maven.
 *
 * <p>It passes only if: every Surefire and Failsafe report has no failure and no error; each of
 * {@link #REQUIRED} ran at least one test; the Failsafe summary reports none; and all of them are
 * newer than the pacts (which every build writes afresh), so they are this build's.
 */
final class SimulatorChecksGate {
  /** The simulator-side checks a live run needs, by class (each must have run and passed). */
  static final List<String> REQUIRED =
      List.of(
          "io.github.segmentskit.contract.pact.PactsMatchSpecIT",
          "io.github.segmentskit.contract.pact.provider.SimulatorProviderVerificationIT",
          "io.github.segmentskit.contract.pact.provider.LiveStoreVerificationAgainstSimulatorIT",
          "io.github.segmentskit.contract.pact.provider.LiveGuardsAgainstSimulatorIT",
          "io.github.segmentskit.contract.pact.provider.WrongProviderControlIT");

  /** System property naming the simulator-side Failsafe reports (set by the pom). */
  static final String FAILSAFE_REPORTS = "live.gate.failsafeReports";

  /** System property naming the Surefire reports (set by the pom). */
  static final String SUREFIRE_REPORTS = "live.gate.surefireReports";

  private SimulatorChecksGate() {}

  /** Throws unless {@link #problems} finds none. */
  static void requirePassed(Path failsafeReports, Path surefireReports, Path pacts) {
    List<String> problems = problems(failsafeReports, surefireReports, pacts);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the live run starts only after every simulator-side check of this build passed"
              + " (./mvnw -B verify -Plive runs them first):\n  - "
              + String.join("\n  - ", problems));
    }
  }

  /** Why the live run must not start; empty if it may. */
  static List<String> problems(Path failsafeReports, Path surefireReports, Path pacts) {
    requireNonNull(failsafeReports, "failsafeReports == null");
    requireNonNull(surefireReports, "surefireReports == null");
    requireNonNull(pacts, "pacts == null");
    List<String> problems = new ArrayList<>();
    Optional<FileTime> pactsWritten = newest(pacts, ".json");
    if (pactsWritten.isEmpty()) {
      problems.add("no pacts in " + pacts);
      return problems;
    }
    for (Path directory : List.of(surefireReports, failsafeReports)) {
      for (Path report : files(directory, "TEST-", ".xml")) {
        Element suite = root(report);
        if (count(suite, "failures") > 0 || count(suite, "errors") > 0) {
          problems.add(report.getFileName() + " has failures or errors");
        }
      }
    }
    for (String required : REQUIRED) {
      Path report = failsafeReports.resolve("TEST-" + required + ".xml");
      if (!Files.isRegularFile(report)) {
        problems.add(required + " did not run");
      } else if (count(root(report), "tests") == 0) {
        problems.add(required + " ran no test");
      } else if (modified(report).compareTo(pactsWritten.get()) < 0) {
        problems.add(required + " did not run in this build (its report is older than the pacts)");
      }
    }
    Path summary = failsafeReports.resolve("failsafe-summary.xml");
    if (!Files.isRegularFile(summary)) {
      problems.add("no Failsafe summary at " + summary);
    } else {
      Element root = root(summary);
      if (child(root, "failures") > 0 || child(root, "errors") > 0) {
        problems.add("the Failsafe summary reports failures or errors");
      }
      if (modified(summary).compareTo(pactsWritten.get()) < 0) {
        problems.add("the Failsafe summary is older than the pacts");
      }
    }
    return problems;
  }

  private static Element root(Path xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(xml.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + xml + ": " + e, e);
    }
  }

  private static long count(Element suite, String attribute) {
    String value = suite.getAttribute(attribute);
    return value.isEmpty() ? 0 : Long.parseLong(value.strip());
  }

  private static long child(Element root, String name) {
    var nodes = root.getElementsByTagName(name);
    return nodes.getLength() == 0 ? 0 : Long.parseLong(nodes.item(0).getTextContent().strip());
  }

  private static List<Path> files(Path directory, String prefix, String suffix) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<FileTime> newest(Path directory, String suffix) {
    return files(directory, "", suffix).stream()
        .map(SimulatorChecksGate::modified)
        .max(FileTime::compareTo);
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
