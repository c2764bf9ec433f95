package io.github.segmentskit.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.buildchecks.Reactor.Module;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each published jar as packaged (this module's test classpath holds them, resolved from the
 * reactor after {@code package}): it names its module in its manifest, and its classes sit in that
 * module's packages only, so no two published jars share a package (a split package would make them
 * unusable together on the module path).
 */
class PublishedJarsIT {

  /** The packaged jar of each published module, found by the Maven descriptor inside it. */
  private static Map<String, Path> packagedJars() throws IOException {
    Map<String, Path> jars = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
        continue;
      }
      try (JarFile jar = new JarFile(path.toFile())) {
        for (Module module : Reactor.publishedJars()) {
          String descriptor =
              "META-INF/maven/io.github.segmentskit/" + module.artifactId() + "/pom.properties";
          if (jar.getEntry(descriptor) != null) {
            jars.put(module.artifactId(), path);
          }
        }
      }
    }
    return jars;
  }

  private static Set<String> packages(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile());
        Stream<JarEntry> entries = file.stream()) {
      Set<String> packages = new TreeSet<>();
      entries
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
          .map(name -> name.substring(0, Math.max(0, name.lastIndexOf('/'))).replace('/', '.'))
          .forEach(packages::add);
      return packages;
    }
  }

  @Test
  void everyPublishedJarIsOnThisModulesClasspathAsAPackagedJar() throws IOException {
    assertThat(packagedJars().keySet())
        .as("add each published module to build-checks/pom.xml as a test dependency")
        .containsExactlyInAnyOrderElementsOf(
            Reactor.publishedJars().stream().map(Module::artifactId).toList());
  }

  @Test
  void everyPublishedJarNamesItsModuleAndHoldsOnlyItsPackages() throws IOException {
    Map<String, Path> jars = packagedJars();
    Map<String, String> packageOwners = new HashMap<>();
    for (Module module : Reactor.publishedJars()) {
      Path jar = jars.get(module.artifactId());
      assertThat(jar).as(module.artifactId()).isNotNull();
      String name = module.pom().property("automatic.module.name").orElseThrow();
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as("Automatic-Module-Name of %s", jar.getFileName())
            .isEqualTo(name);
      }
      Set<String> packages = packages(jar);
      assertThat(packages).as("packages of %s", jar.getFileName()).isNotEmpty();
      for (String pkg : packages) {
        assertThat(pkg.equals(name) || pkg.startsWith(name + "."))
            .as("%s in %s lies outside its module %s", pkg, jar.getFileName(), name)
            .isTrue();
        String other = packageOwners.put(pkg, module.artifactId());
        assertThat(other)
            .as("package %s is in %s and %s", pkg, other, module.artifactId())
            .isNull();
      }
    }
    assertThat(packageOwners.values()).containsAll(List.copyOf(jars.keySet()));
  }
}
