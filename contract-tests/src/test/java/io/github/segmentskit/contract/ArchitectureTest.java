package io.github.segmentskit.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.segmentskit.client.exception.SegmentsException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The layout of the library, as rules: the generated code stays behind the client; the client's
 * public API is a known set of types; exceptions live in their own package, with public
 * constructors; everything else is package-private.
 */
class ArchitectureTest {
  /** The main classes of segments-client and segments-generated-client, no tests. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.segmentskit.client", "io.github.segmentskit.generated");

  /** The public API of package io.github.segmentskit.client; anything else must not be public. */
  private static final Set<String> CLIENT_API =
      Set.of(
          "Call",
          "CallInfo",
          "ChunkOutcome",
          "ChunkedResult",
          "ConcurrencyLimiter",
          "ConcurrencyLimiter$Permit",
          "ConcurrencyLimiterRegistry",
          "ConcurrencyLimiterRegistry$Lease",
          "EventListener",
          "EventListener$Factory",
          "Ids",
          "Operation",
          "Page",
          "PageParams",
          "RateLimitHeaders",
          "RetryDecision",
          "RetryPolicy",
          "RetryPolicy$Builder",
          "SegmentShopperProfiles",
          "Segments",
          "SegmentsClient",
          "SegmentsClient$Builder",
          "ShopperProfileSegments",
          "ShopperProfiles",
          "Sleeper");

  @Test
  void onlyTheClientTouchesTheGeneratedCode() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.github.segmentskit.generated..", "io.github.segmentskit.client..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.segmentskit.generated..")
        .allowEmptyShould(true)
        .check(MAIN);
  }

  @Test
  void theGeneratedCodeAndItsGlueDoNotDependOnTheClient() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.generated..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.segmentskit.client..")
        .check(MAIN);
  }

  @Test
  void theClientNeverParsesIdsWithUuidFromString() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.client..")
        .should()
        .callMethod(UUID.class, "fromString", String.class)
        .because("UUID.fromString accepts 1-1-1-1-1; use Ids")
        .check(MAIN);
  }

  @Test
  void theClientPackageExposesExactlyItsDocumentedApi() {
    Set<String> publicTypes = new TreeSet<>();
    for (JavaClass type : MAIN) {
      if (type.getPackageName().equals("io.github.segmentskit.client")
          && type.getModifiers().contains(JavaModifier.PUBLIC)
          && !type.isAnonymousClass()) {
        publicTypes.add(type.getName().substring("io.github.segmentskit.client.".length()));
      }
    }
    assertThat(publicTypes)
        .as("public types of io.github.segmentskit.client (internals are package-private)")
        .containsExactlyInAnyOrderElementsOf(CLIENT_API);
  }

  @Test
  void exceptionsLiveInTheirOwnPackageWithPublicConstructors() {
    classes()
        .that()
        .areAssignableTo(SegmentsException.class)
        .should()
        .resideInAPackage("io.github.segmentskit.client.exception")
        .check(MAIN);
    for (JavaClass type : MAIN) {
      if (type.isAssignableTo(SegmentsException.class)) {
        assertThat(type.getConstructors())
            .as("constructors of %s", type.getName())
            .anySatisfy(
                constructor ->
                    assertThat(constructor.getModifiers()).contains(JavaModifier.PUBLIC));
      }
    }
  }

  @Test
  void theExceptionPackageDoesNotDependOnTheClientPackage() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.client.exception")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.segmentskit.client")
        .check(MAIN);
  }
}
