package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Java API gate as the build runs it (exec-maven-plugin, phase {@code verify} of {@code
 * api-gate}): compares every jar this build publishes with the released jars in {@code
 * api-gate/released/}, writes the reports, prints what it found, and fails the build by throwing
 * {@link ApiGateException} when a binary-incompatible change comes without a major version bump.
 * With {@code record} {@code true} (scripts/release-api.sh) it then makes the jars just compared
 * the released ones.
 *
 * <p>Arguments: {@code <released dir> <project version> <report dir> <published jars> <classpath>
 * <record>}, the two lists separated by the platform's path separator.
 *
 * <p>What is compared with what: a jar released before under the same artifactId is compared with
 * that jar, and its side includes the segments-kit jars it depends on (what its users get on their
 * classpath: in 2.0.0 segments-client brings segments-generated-client, which 1.0.0's
 * segments-client held itself). A jar new under its name is compared with the released classes of
 * its own packages, wherever they were released (the generated classes that moved from
 * segments-client to segments-generated-client). A released artifact that is no longer built counts
 * as a binary-incompatible change.
 */
public final class ApiGateMain {

  private static final String USAGE =
      "usage: ApiGateMain <released dir> <project version> <report dir> <published jars>"
          + " <classpath> <record: true|false>";
  private static final String PREFIX = "api-gate: ";
  private static final String ALL_KIT_PACKAGES = PublishedJar.GROUP_ID + ".*";
  static final String SUMMARY = "api-gate.md";

  private ApiGateMain() {}

  /** Runs the gate; throws (and so fails {@code exec:java}) if it does not pass. */
  public static void main(String[] args) {
    run(args, System.out);
  }

  /** Runs the gate, printing to {@code out}; returns the decision if it passed, else throws. */
  static GateDecision run(String[] args, PrintStream out) {
    requireNonNull(args, "args == null");
    requireNonNull(out, "out == null");
    if (args.length != 6) {
      throw new IllegalArgumentException(USAGE);
    }
    Path releasedDir = Path.of(args[0]);
    Version projectVersion = Version.parse(args[1]);
    Path reportDir = Path.of(args[2]);
    List<Path> publishedJars = paths(args[3]);
    List<Path> classpath = paths(args[4]);
    boolean record = Boolean.parseBoolean(args[5].trim());

    long start = System.nanoTime();
    Map<String, PublishedJar> current = byArtifact(publishedJars, "this build publishes");
    for (PublishedJar jar : current.values()) {
      if (!jar.version().equals(projectVersion)) {
        throw new ApiGateException(
            jar.file()
                + " was built as "
                + jar.artifactId()
                + " "
                + jar.version()
                + ", but the project version is "
                + projectVersion
                + ": build it in the same reactor (./mvnw -B verify, or -pl api-gate -am).");
      }
    }
    Map<String, PublishedJar> released = byArtifact(jarsIn(releasedDir), "released");
    if (released.isEmpty()) {
      if (record) {
        recordRelease(releasedDir, current, projectVersion, out);
        return GateDecision.pass("First release: nothing to compare with.");
      }
      throw new ApiGateException(
          "No released jars in "
              + releasedDir
              + ". Record a release with scripts/release-api.sh (see docs/spec-changes.md).");
    }
    Version releasedVersion = singleVersion(released, releasedDir);

    JarApiDiff diff = new JarApiDiff(classpath);
    List<ArtifactComparison> comparisons = new ArrayList<>();
    out.println(
        PREFIX
            + "the jars of "
            + projectVersion
            + " against the released "
            + releasedVersion
            + " ("
            + releasedDir
            + ")");
    try {
      for (PublishedJar jar : current.values()) {
        comparisons.add(compare(jar, current, released, releasedVersion, diff, reportDir));
      }
      for (String artifactId : released.keySet()) {
        if (!current.containsKey(artifactId)) {
          comparisons.add(ArtifactComparison.removed(artifactId, releasedVersion));
        }
      }
      GateDecision decision = JavaApiGate.decide(releasedVersion, projectVersion, comparisons);
      Path summary =
          GateReport.write(reportDir, releasedVersion, projectVersion, comparisons, decision);
      long millis = (System.nanoTime() - start) / 1_000_000;
      for (ArtifactComparison comparison : comparisons) {
        print(comparison, out);
      }
      out.println(PREFIX + "report: " + summary + " (and one .md and .html per jar beside it)");
      if (!decision.passed()) {
        out.println(PREFIX + "FAILED after " + millis + " ms");
        throw new ApiGateException(
            decision.message() + System.lineSeparator() + "Report: " + summary);
      }
      out.println(PREFIX + "passed in " + millis + " ms: " + decision.message());
      if (record) {
        if (releasedVersion.equals(projectVersion)) {
          boolean unchanged = comparisons.stream().allMatch(c -> c.changes().isEmpty());
          if (!unchanged) {
            throw new ApiGateException(
                "The API of the jars differs from the released "
                    + releasedVersion
                    + " but the version is still "
                    + projectVersion
                    + ": raise the version before recording a release.");
          }
          out.println(
              PREFIX
                  + releasedDir
                  + " already holds the jars of "
                  + projectVersion
                  + "; nothing to do.");
        } else {
          recordRelease(releasedDir, current, projectVersion, out);
        }
      }
      return decision;
    } catch (IOException e) {
      throw new ApiGateException(
          "Cannot write the report to " + reportDir + ": " + e.getMessage(), e);
    }
  }

  private static ArtifactComparison compare(
      PublishedJar jar,
      Map<String, PublishedJar> current,
      Map<String, PublishedJar> released,
      Version releasedVersion,
      JarApiDiff diff,
      Path reportDir)
      throws IOException {
    String artifactId = jar.artifactId();
    List<Path> newJars = withKitDependencies(jar, current);
    PublishedJar own = released.get(artifactId);
    List<Path> oldJars;
    List<String> packages;
    String baseline;
    ArtifactComparison.Status status;
    if (own != null) {
      oldJars = List.of(own.file());
      packages = List.of(ALL_KIT_PACKAGES);
      baseline = own.file().getFileName().toString();
      status = ArtifactComparison.Status.COMPARED;
    } else {
      List<PublishedJar> holders =
          released.values().stream()
              .filter(r -> r.packages().stream().anyMatch(jar.packages()::contains))
              .toList();
      status = ArtifactComparison.Status.NEW;
      if (holders.isEmpty()) {
        return new ArtifactComparison(
            artifactId, "nothing: new in " + jar.version(), status, List.of());
      }
      oldJars = holders.stream().map(PublishedJar::file).toList();
      packages = List.copyOf(jar.packages());
      baseline =
          "its packages in "
              + holders.stream()
                  .map(h -> h.file().getFileName().toString())
                  .collect(Collectors.joining(", "));
    }
    JarApiDiff.Result result =
        diff.compare(
            oldJars, releasedVersion.toString(), newJars, jar.version().toString(), packages);
    JarApiDiff.writeReports(
        result,
        reportDir,
        artifactId,
        artifactId + " " + jar.version() + " against the released " + releasedVersion);
    return new ArtifactComparison(artifactId, baseline, status, result.changes());
  }

  /** The jar and the segments-kit jars it needs at run time, transitively. */
  private static List<Path> withKitDependencies(
      PublishedJar jar, Map<String, PublishedJar> current) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(jar.artifactId()));
    while (!todo.isEmpty()) {
      String artifactId = todo.pop();
      if (!seen.add(artifactId)) {
        continue;
      }
      PublishedJar found = current.get(artifactId);
      if (found == null) {
        throw new ApiGateException(
            jar.artifactId()
                + " depends on "
                + artifactId
                + ", which is not among the jars this build publishes: add it to the dependencies"
                + " of api-gate/pom.xml.");
      }
      todo.addAll(found.kitDependencies());
    }
    return seen.stream().map(id -> current.get(id).file()).toList();
  }

  private static void print(ArtifactComparison comparison, PrintStream out) {
    List<ApiChange> breaking = comparison.binaryIncompatible();
    out.println(
        PREFIX
            + "  "
            + comparison.artifactId()
            + " against "
            + comparison.baseline()
            + ": "
            + comparison.changes().size()
            + " changes, "
            + breaking.size()
            + " binary-incompatible");
    breaking.stream()
        .limit(JavaApiGate.LISTED)
        .forEach(change -> out.println(PREFIX + "    " + change));
    if (breaking.size() > JavaApiGate.LISTED) {
      out.println(
          PREFIX
              + "    ... and "
              + (breaking.size() - JavaApiGate.LISTED)
              + " more (see the report)");
    }
  }

  private static void recordRelease(
      Path releasedDir, Map<String, PublishedJar> current, Version version, PrintStream out) {
    try {
      Files.createDirectories(releasedDir);
      for (Path old : jarsIn(releasedDir)) {
        Files.delete(old);
      }
      for (PublishedJar jar : current.values()) {
        Path target = releasedDir.resolve(jar.artifactId() + "-" + version + ".jar");
        Files.copy(jar.file(), target, StandardCopyOption.REPLACE_EXISTING);
        out.println(PREFIX + "recorded " + target);
      }
    } catch (IOException e) {
      throw new ApiGateException(
          "Cannot record the release in " + releasedDir + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, PublishedJar> byArtifact(List<Path> jars, String what) {
    Map<String, PublishedJar> result = new TreeMap<>();
    for (Path file : jars) {
      PublishedJar jar = PublishedJar.read(file);
      PublishedJar before = result.put(jar.artifactId(), jar);
      if (before != null) {
        throw new ApiGateException(
            "Two jars "
                + what
                + " are "
                + jar.artifactId()
                + ": "
                + before.file()
                + " and "
                + file);
      }
    }
    return result;
  }

  private static Version singleVersion(Map<String, PublishedJar> released, Path releasedDir) {
    Set<Version> versions =
        released.values().stream().map(PublishedJar::version).collect(Collectors.toSet());
    if (versions.size() != 1) {
      throw new ApiGateException(
          releasedDir + " holds jars of several versions " + versions + "; it holds one release.");
    }
    return versions.iterator().next();
  }

  private static List<Path> jarsIn(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      throw new ApiGateException("Cannot list " + directory + ": " + e.getMessage(), e);
    }
    jars.sort(null);
    return jars;
  }

  private static List<Path> paths(String list) {
    return Arrays.stream(list.split(File.pathSeparator))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .toList();
  }
}
