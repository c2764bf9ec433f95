package io.github.segmentskit.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.buildchecks.Reactor.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What publishing relies on, read from the poms: a new module cannot be forgotten. */
class PublishingSetupTest {

  private static final String GROUP_ID = "io.github.segmentskit";

  private static List<String> artifactIds(List<Element> dependencies) {
    return dependencies.stream()
        .filter(d -> Pom.text(d, "groupId").orElse("").equals(GROUP_ID))
        .map(d -> Pom.text(d, "artifactId").orElseThrow())
        .toList();
  }

  private static List<String> publishedJarIds() {
    return Reactor.publishedJars().stream().map(Module::artifactId).toList();
  }

  @Test
  void thePublishedJarsAreTheFourLibraries() {
    // If this fails because a module was added: add it to the BOM and to api-gate's and
    // build-checks' dependencies (the tests below say where), then add it here.
    assertThat(publishedJarIds())
        .containsExactlyInAnyOrder(
            "segments-spec",
            "segments-generated-client",
            "segments-client",
            "segments-client-micrometer",
            "segments-limiter-redis",
            "segments-simulator");
  }

  @Test
  void theBomListsEveryPublishedJarOfTheReactorAndNothingElse() {
    Pom bom = Reactor.module("segments-bom").pom();

    assertThat(artifactIds(bom.dependencies(true)))
        .as("bom/pom.xml <dependencyManagement> against the published jar modules of the reactor")
        .containsExactlyInAnyOrderElementsOf(publishedJarIds());
    assertThat(bom.dependencies(true))
        .allMatch(d -> Pom.text(d, "version").orElse("").equals("${project.version}"));
  }

  @Test
  void thePublishedBomHasNoParentAndManagesOnlyTheKit() {
    Path flattened = Reactor.module("segments-bom").dir().resolve("target/flattened/bom-pom.xml");
    assertThat(flattened).as("built by flatten-maven-plugin in bom/ before this module").exists();
    Pom published = Pom.read(flattened);

    assertThat(Pom.child(published.project(), "parent")).isEmpty();
    assertThat(Pom.child(published.project(), "properties")).isEmpty();
    assertThat(artifactIds(published.dependencies(true)))
        .hasSize(published.dependencies(true).size())
        .containsExactlyInAnyOrderElementsOf(publishedJarIds());
    for (String element : List.of("name", "description", "url", "licenses", "developers", "scm")) {
      assertThat(Pom.child(published.project(), element)).as(element).isPresent();
    }
  }

  @Test
  void theApiGateAndTheJarChecksSeeEveryPublishedJar() {
    for (String module : List.of("segments-api-gate", "segments-build-checks")) {
      assertThat(artifactIds(Reactor.module(module).pom().dependencies(false)))
          .as("%s/pom.xml dependencies", module)
          .containsAll(publishedJarIds());
    }
  }

  @Test
  void everyJarModuleNamesALegalAutomaticModuleNameOfItsOwn() {
    Map<String, String> names =
        Reactor.modules().stream()
            .filter(Module::jar)
            .collect(
                Collectors.toMap(
                    Module::artifactId, m -> m.pom().property("automatic.module.name").orElse("")));

    assertThat(names.values())
        .allSatisfy(name -> assertThat(SourceVersion.isName(name)).as("'%s'", name).isTrue())
        .doesNotHaveDuplicates()
        .allMatch(name -> name.startsWith(GROUP_ID + "."));
    assertThat(names)
        .containsEntry("segments-client", "io.github.segmentskit.client")
        .containsEntry("segments-generated-client", "io.github.segmentskit.generated")
        .containsEntry("segments-simulator", "io.github.segmentskit.simulator")
        .containsEntry("segments-spec", "io.github.segmentskit.spec");
  }

  @Test
  void theParentCarriesTheMetadataMavenCentralRequires() throws IOException {
    Element parent = Pom.read(Reactor.ROOT.resolve("pom.xml")).project();

    for (String element : List.of("name", "description", "url", "inceptionYear")) {
      assertThat(Pom.text(parent, element))
          .as(element)
          .hasValueSatisfying(v -> assertThat(v).isNotBlank());
    }
    Element license =
        Pom.child(Pom.child(parent, "licenses").orElseThrow(), "license").orElseThrow();
    assertThat(Pom.text(license, "name")).contains("Apache License, Version 2.0");
    Element scm = Pom.child(parent, "scm").orElseThrow();
    assertThat(List.of("connection", "developerConnection", "url"))
        .allSatisfy(e -> assertThat(Pom.text(scm, e)).as("scm " + e).isPresent());
    assertThat(Pom.child(parent, "developers").map(d -> Pom.children(d, "developer")))
        .get()
        .asList()
        .isNotEmpty();
    assertThat(Pom.child(parent, "issueManagement").flatMap(i -> Pom.text(i, "url"))).isPresent();
    // Every module inherits url and scm as they are, not with its artifactId appended.
    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    assertThat(scm.getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");

    List<String> licenseText = Files.readAllLines(Reactor.ROOT.resolve("LICENSE"));
    assertThat(String.join("\n", licenseText))
        .contains("Apache License")
        .contains("Version 2.0, January 2004")
        .contains("END OF TERMS AND CONDITIONS");
  }

  @Test
  void theReleaseProfileIsOffByDefaultAndAddsWhatMavenCentralRequires() {
    Element parent = Pom.read(Reactor.ROOT.resolve("pom.xml")).project();
    Element release =
        Pom.children(Pom.child(parent, "profiles").orElseThrow(), "profile").stream()
            .filter(p -> Pom.text(p, "id").orElse("").equals("release"))
            .findFirst()
            .orElseThrow();
    assertThat(Pom.child(release, "activation"))
        .as("release is only ever chosen with -Prelease")
        .isEmpty();

    Map<String, Element> plugins =
        Pom.children(
                Pom.child(Pom.child(release, "build").orElseThrow(), "plugins").orElseThrow(),
                "plugin")
            .stream()
            .collect(Collectors.toMap(p -> Pom.text(p, "artifactId").orElseThrow(), p -> p));
    assertThat(goals(plugins.get("maven-source-plugin"))).contains("jar-no-fork");
    assertThat(goals(plugins.get("maven-javadoc-plugin"))).contains("jar");
    assertThat(goals(plugins.get("maven-gpg-plugin"))).contains("sign");

    Element central = plugins.get("central-publishing-maven-plugin");
    assertThat(Pom.text(central, "extensions")).contains("true");
    Element configuration = Pom.child(central, "configuration").orElseThrow();
    assertThat(Pom.text(configuration, "autoPublish")).contains("${central.autoPublish}");
    assertThat(Pom.text(configuration, "skipPublishing")).contains("${maven.deploy.skip}");
    Pom root = Pom.read(Reactor.ROOT.resolve("pom.xml"));
    assertThat(root.property("central.autoPublish")).contains("false");
    assertThat(root.property("maven.deploy.skip")).contains("false");
  }

  private static List<String> goals(Element plugin) {
    assertThat(plugin).isNotNull();
    return Pom.child(plugin, "executions")
        .map(e -> Pom.children(e, "execution"))
        .orElse(List.of())
        .stream()
        .flatMap(
            execution ->
                Pom.child(execution, "goals")
                    .map(g -> Pom.texts(g, "goal"))
                    .orElse(List.of())
                    .stream())
        .toList();
  }
}
