package io.github.segmentskit.apigate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedJarTest {

  @TempDir Path work;

  @Test
  void readsCoordinatesRunTimeKitDependenciesAndPackagesFromTheJar() {
    TinyJars jars = new TinyJars(work);
    Path generated =
        jars.build(work, "segments-generated-client", "2.0.0", "generated-split", List.of());
    Path client =
        jars.build(
            work,
            "segments-client",
            "2.0.0",
            "client-split",
            List.of("segments-generated-client"),
            generated);

    PublishedJar jar = PublishedJar.read(client);

    assertThat(jar.artifactId()).isEqualTo("segments-client");
    assertThat(jar.version()).isEqualTo(Version.parse("2.0.0"));
    // TinyJars also declares a test-scope kit dependency: not a run-time one.
    assertThat(jar.kitDependencies()).containsExactly("segments-generated-client");
    assertThat(jar.packages()).containsExactly("io.github.segmentskit.client");
  }

  @Test
  void rejectsAJarWithoutASegmentsKitMavenDescriptor() throws IOException {
    Path jar = work.resolve("plain.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("a/B.class"));
      out.closeEntry();
    }

    assertThatThrownBy(() -> PublishedJar.read(jar))
        .isInstanceOf(ApiGateException.class)
        .hasMessageContaining("holds 0 Maven descriptors of group io.github.segmentskit");
  }

  /** The committed baseline holds one release: readable segments-kit jars of a single version. */
  @Test
  void theReleasedBaselineIsOneReleaseOfSegmentsKitJars() throws IOException {
    Path released = Path.of(System.getProperty("api-gate.released"));
    List<PublishedJar> jars;
    try (var files = Files.list(released)) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).map(PublishedJar::read).toList();
    }

    assertThat(jars).isNotEmpty();
    assertThat(jars).extracting(PublishedJar::version).containsOnly(jars.get(0).version());
    assertThat(jars).extracting(PublishedJar::artifactId).doesNotHaveDuplicates();
    assertThat(jars)
        .flatExtracting(PublishedJar::packages)
        .allMatch(pkg -> pkg.startsWith("io.github.segmentskit."));
    assertThat(jars)
        .allMatch(
            jar ->
                jar.file()
                    .getFileName()
                    .toString()
                    .equals(jar.artifactId() + "-" + jar.version() + ".jar"));
  }
}
