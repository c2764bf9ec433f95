package io.github.segmentskit.limiter.redis;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core client knows nothing of Redis, and this module uses the client only through its limiter
 * SPI: {@code ConcurrencyLimiter} (and its {@code Permit}), {@code ConcurrencyLimiterRegistry} (the
 * local fallback) and the exceptions.
 */
class DependencyRulesTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.segmentskit.client", "io.github.segmentskit.limiter.redis");

  @Test
  void theClientDependsOnNoRedisLibraryAndNotOnThisModule() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.client..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.redisson..", "io.netty..", "redis..", "io.github.segmentskit.limiter..")
        .check(MAIN);
  }

  @Test
  void thisModuleUsesTheClientOnlyThroughTheLimiterSpi() {
    noClasses()
        .that()
        .resideInAPackage("io.github.segmentskit.limiter.redis..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("io.github.segmentskit.client")
                .and(
                    not(
                        nameMatching(
                            "io\\.github\\.segmentskit\\.client\\.ConcurrencyLimiter(Registry)?(\\$.*)?"))))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.segmentskit.generated..")
        .check(MAIN);
  }
}
