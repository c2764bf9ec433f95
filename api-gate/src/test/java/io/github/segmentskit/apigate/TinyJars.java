package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small segments-kit-like jars for the tests: compiles a fixture's sources ({@code
 * src/test/resources/fixtures/<fixture>}) and packs them with the Maven descriptor maven-jar-plugin
 * writes ({@code META-INF/maven/io.github.segmentskit/<artifactId>/pom.properties} and {@code
 * pom.xml} with the given segments-kit dependencies).
 */
final class TinyJars {

  /**
   * Compiled classes per fixture, shared by every test of the JVM: javac is the slow part, and a
   * fixture compiles to the same classes whatever jar it goes into.
   */
  private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();

  private final Path workDir;

  TinyJars(Path workDir) {
    this.workDir = workDir;
  }

  /**
   * Builds {@code <dir>/<artifactId>-<version>.jar}; {@code classpath} holds jars it compiles
   * against.
   */
  Path build(
      Path dir,
      String artifactId,
      String version,
      String fixture,
      List<String> kitDependencies,
      Path... classpath) {
    try {
      // Test classes run in parallel: each fixture compiles once, and nobody reads its directory
      // while javac writes it.
      Path classes = COMPILED.computeIfAbsent(fixture, f -> compile(f, classpath));
      Files.createDirectories(dir);
      Path jar = dir.resolve(artifactId + "-" + version + ".jar");
      String descriptor = "META-INF/maven/" + PublishedJar.GROUP_ID + "/" + artifactId + "/";
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
        write(
            out,
            descriptor + "pom.properties",
            "groupId="
                + PublishedJar.GROUP_ID
                + "\nartifactId="
                + artifactId
                + "\nversion="
                + version
                + "\n");
        write(out, descriptor + "pom.xml", pom(artifactId, version, kitDependencies));
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path compile(String fixture, Path... classpath) {
    try {
      return compileInto(fixture, classpath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path compileInto(String fixture, Path... classpath) throws IOException {
    // Under target/, so a build cleans it; emptied first, so no class of an earlier run stays.
    Path classes = Path.of(System.getProperty("basedir", "."), "target", "tiny-jars", fixture);
    if (Files.exists(classes)) {
      try (Stream<Path> old = Files.walk(classes)) {
        for (Path file : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(classes);
    List<String> sources;
    try (Stream<Path> files = Files.walk(fixture(fixture))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
    if (classpath.length > 0) {
      args.add("-classpath");
      args.add(
          Stream.of(classpath).map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }
    args.addAll(sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
        .as("javac of fixture %s", fixture)
        .isZero();
    return classes;
  }

  private static String pom(String artifactId, String version, List<String> kitDependencies) {
    StringBuilder pom =
        new StringBuilder("<project><modelVersion>4.0.0</modelVersion>")
            .append("<groupId>")
            .append(PublishedJar.GROUP_ID)
            .append("</groupId><artifactId>")
            .append(artifactId)
            .append("</artifactId><version>")
            .append(version)
            .append("</version><dependencies>");
    for (String dependency : kitDependencies) {
      pom.append("<dependency><groupId>")
          .append(PublishedJar.GROUP_ID)
          .append("</groupId><artifactId>")
          .append(dependency)
          .append("</artifactId></dependency>");
    }
    // A test-scope dependency on the kit is not a run-time one: the gate must ignore it.
    pom.append("<dependency><groupId>")
        .append(PublishedJar.GROUP_ID)
        .append("</groupId><artifactId>segments-test-only</artifactId><scope>test</scope>")
        .append("</dependency></dependencies></project>");
    return pom.toString();
  }

  private static void write(JarOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }

  private static Path fixture(String name) {
    URL url = TinyJars.class.getResource("/fixtures/" + name);
    assertThat(url).as("fixture %s", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
