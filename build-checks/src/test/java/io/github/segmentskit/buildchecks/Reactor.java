package io.github.segmentskit.buildchecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The modules of this build, read from the poms: the root's {@code <modules>}, recursively. A
 * module is published unless its pom sets {@code maven.deploy.skip} to {@code true} (the release
 * profile hands that switch to the central publishing plugin).
 */
final class Reactor {

  /** One module of the build. */
  record Module(Path dir, Pom pom) {
    String artifactId() {
      return pom.artifactId();
    }

    boolean published() {
      return !pom.property("maven.deploy.skip").map("true"::equals).orElse(false);
    }

    boolean jar() {
      return pom.packaging().equals("jar");
    }
  }

  static final Path ROOT =
      Path.of(System.getProperty("segments.root")).toAbsolutePath().normalize();

  private Reactor() {}

  static List<Module> modules() {
    List<Module> modules = new ArrayList<>();
    collect(ROOT, modules);
    return modules;
  }

  /** The published jars: what the BOM aligns, the API gate compares and users depend on. */
  static List<Module> publishedJars() {
    return modules().stream().filter(Module::published).filter(Module::jar).toList();
  }

  static Module module(String artifactId) {
    return modules().stream()
        .filter(module -> module.artifactId().equals(artifactId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module " + artifactId + " in the build"));
  }

  private static void collect(Path dir, List<Module> into) {
    Pom pom = Pom.read(dir.resolve("pom.xml"));
    for (String name : pom.modules()) {
      Path moduleDir = dir.resolve(name).normalize();
      into.add(new Module(moduleDir, Pom.read(moduleDir.resolve("pom.xml"))));
      collect(moduleDir, into);
    }
  }
}
