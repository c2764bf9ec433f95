package io.github.segmentskit.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keeps the generated code behind the hand-written client package. */
class ArchitectureTest {
  /** The main classes of the segments-client jar (hand-written and generated), no tests. */
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.segmentskit");

  private static final JavaClasses CLIENT_JAR = MAIN;

  @Test
  void onlyTheClientPackageTouchesTheGeneratedCode() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "io.github.segmentskit.generated..", "io.github.segmentskit.client..")
        .and()
        .resideInAPackage("io.github.segmentskit..")
        .and()
        .haveSimpleNameNotEndingWith("Test")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.segmentskit.generated..")
        .allowEmptyShould(true)
        .check(MAIN);
  }

  @Test
  void theClientNeverParsesIdsWithUuidFromString() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.client..")
        .should()
        .callMethod(UUID.class, "fromString", String.class)
        .because("UUID.fromString accepts 1-1-1-1-1; use SegmentIds")
        .check(CLIENT_JAR);
  }

  @Test
  void theGeneratedCodeDoesNotDependOnTheClient() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.generated..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.segmentskit.client..")
        .check(CLIENT_JAR);
  }
}
