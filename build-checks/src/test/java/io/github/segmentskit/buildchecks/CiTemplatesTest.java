package io.github.segmentskit.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CI templates do what docs/contracts.md and the README say they do: both are parsed as YAML
 * and their jobs and steps checked.
 */
class CiTemplatesTest {

  private static final String VERIFY = "./mvnw -B verify";
  private static final String VERIFY_AND_PUBLISH =
      "./mvnw -B verify $(ci/pact-version.sh maven-args)";
  private static final String SPEC_DIFF = "openapi/target/spec-diff/segments.v3.diff.md";
  private static final String SPEC_DRIFT =
      "./mvnw -B -pl openapi verify -Dupstream.spec=\"$UPSTREAM_SPEC\"";

  @SuppressWarnings("unchecked")
  static Map<Object, Object> yaml(String path) throws IOException {
    try (Reader reader = Files.newBufferedReader(Reactor.ROOT.resolve(path))) {
      return (Map<Object, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  static String string(Object value) {
    return value == null ? "" : value.toString();
  }

  @Nested
  class GitHubActions {

    private final Map<Object, Object> workflow;
    private final Map<String, Object> jobs;

    GitHubActions() throws IOException {
      workflow = yaml(".github/workflows/contract-verification.yml");
      jobs = map(workflow.get("jobs"));
    }

    private List<Map<String, Object>> steps(String job) {
      List<Map<String, Object>> steps = new ArrayList<>();
      for (Object step : list(map(jobs.get(job)).get("steps"))) {
        steps.add(map(step));
      }
      return steps;
    }

    private Map<String, Object> step(String job, String name) {
      return steps(job).stream()
          .filter(s -> string(s.get("name")).equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no step '" + name + "' in job " + job));
    }

    private int index(String job, String name) {
      return steps(job).indexOf(step(job, name));
    }

    @Test
    void runsOnPushesPullRequestsTagsAndASchedule() {
      // YAML 1.1 reads the key "on" as the boolean true.
      Map<String, Object> on =
          map(workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
      assertThat(on).containsKeys("push", "pull_request", "schedule", "workflow_dispatch");
      assertThat(list(map(on.get("push")).get("tags"))).containsExactly("v*");
    }

    @Test
    void verifiesOnJdk17And21And25OfTemurinWithTheMavenCache() {
      Map<String, Object> verify = map(jobs.get("verify"));
      assertThat(list(map(map(verify.get("strategy")).get("matrix")).get("java")))
          .containsExactly("17", "21", "25");
      Map<String, Object> setup =
          steps("verify").stream()
              .filter(s -> string(s.get("uses")).startsWith("actions/setup-java@"))
              .findFirst()
              .map(s -> map(s.get("with")))
              .orElseThrow();
      assertThat(setup)
          .containsEntry("distribution", "temurin")
          .containsEntry("java-version", "${{ matrix.java }}")
          .containsEntry("cache", "maven");
      assertThat(string(verify.get("if"))).isEqualTo("github.event_name != 'schedule'");
    }

    @Test
    void runsTheReadmesVerifyCommand() {
      assertThat(step("verify", "Verify")).containsEntry("run", VERIFY);
      assertThat(step("verify", "Verify and publish the pacts"))
          .containsEntry("run", VERIFY_AND_PUBLISH);
    }

    @Test
    void publishesPactsOnlyFromOnePushToTheDefaultBranch() {
      Map<String, Object> publish = step("verify", "Verify and publish the pacts");
      String when = string(publish.get("if"));
      assertThat(when)
          .contains("github.event_name == 'push'")
          .contains("github.ref_name == github.event.repository.default_branch")
          .contains("matrix.java == '17'");
      assertThat(map(publish.get("env"))).containsKeys("PACT_BROKER_BASE_URL", "PACT_BROKER_TOKEN");
      // The plain verify runs exactly when the publishing one does not, and sees no broker.
      assertThat(string(step("verify", "Verify").get("if")))
          .isEqualTo("${{ !(" + unwrap(when) + ") }}");
      assertThat(step("verify", "Verify")).doesNotContainKey("env");
      assertThat(workflow.get("env") == null ? Map.of() : map(workflow.get("env")))
          .doesNotContainKey("PACT_BROKER_BASE_URL");
    }

    private String unwrap(String expression) {
      assertThat(expression).startsWith("${{ ").endsWith(" }}");
      return expression.substring(4, expression.length() - 3);
    }

    @Test
    void publishesTheSurefireAndFailsafeReportsEvenWhenTheBuildFails() {
      Map<String, Object> junit = step("verify", "Publish the test reports");
      assertThat(junit).containsEntry("if", "always()");
      assertThat(string(map(junit.get("with")).get("report_paths")))
          .contains("**/target/surefire-reports/TEST-*.xml")
          .contains("**/target/failsafe-reports/TEST-*.xml");
      Map<String, Object> upload = step("verify", "Upload the test reports");
      assertThat(string(upload.get("uses"))).startsWith("actions/upload-artifact@");
      assertThat(upload).containsEntry("if", "always()");
      assertThat(string(map(upload.get("with")).get("path")))
          .contains("**/target/surefire-reports/")
          .contains("**/target/failsafe-reports/");
    }

    @Test
    void attachesTheSpecDiffAndPutsItsMarkdownInTheJobSummary() {
      Map<String, Object> summary =
          step("verify", "Spec diff and Java API report in the job summary");
      assertThat(summary).containsEntry("if", "always()");
      assertThat(string(summary.get("run")))
          .contains(SPEC_DIFF)
          .contains(">> \"$GITHUB_STEP_SUMMARY\"");
      Map<String, Object> upload = step("verify", "Upload the spec diff and Java API reports");
      assertThat(upload).containsEntry("if", "always()");
      assertThat(string(map(upload.get("with")).get("path")))
          .contains("openapi/target/spec-diff/")
          .contains("api-gate/target/japicmp/");
    }

    @Test
    void deploysAReleaseTagBetweenCanIDeployAndRecordDeployment() {
      Map<String, Object> deploy = map(jobs.get("deploy"));
      assertThat(deploy).containsEntry("needs", "verify");
      assertThat(string(deploy.get("if"))).contains("startsWith(github.ref, 'refs/tags/v')");
      assertThat(string(map(deploy.get("env")).get("PACT_CLI_IMAGE")))
          .matches("pactfoundation/pact-cli:\\d+(\\.\\d+)+");

      assertThat(string(step("deploy", "can-i-deploy").get("run")))
          .contains("pact-broker can-i-deploy")
          .contains("--version \"$GITHUB_SHA\"")
          .contains("--to-environment \"$PACT_ENVIRONMENT\"");
      assertThat(string(step("deploy", "Deploy").get("run")))
          .startsWith("./mvnw -B deploy -Prelease");
      assertThat(string(step("deploy", "record-deployment").get("run")))
          .contains("pact-broker record-deployment")
          .contains("--version \"$GITHUB_SHA\"")
          .contains("--environment \"$PACT_ENVIRONMENT\"");
      assertThat(index("deploy", "can-i-deploy")).isLessThan(index("deploy", "Deploy"));
      assertThat(index("deploy", "Deploy")).isLessThan(index("deploy", "record-deployment"));
    }

    @Test
    void checksSpecDriftOnScheduleOnlyWhenTheUpstreamSpecIsSet() {
      Map<String, Object> drift = map(jobs.get("spec-drift"));
      assertThat(string(drift.get("if")))
          .contains("github.event_name == 'schedule'")
          .contains("vars.UPSTREAM_SPEC != ''");
      assertThat(map(drift.get("env"))).containsEntry("UPSTREAM_SPEC", "${{ vars.UPSTREAM_SPEC }}");
      assertThat(step("spec-drift", "Spec drift")).containsEntry("run", SPEC_DRIFT);
    }
  }

  @Nested
  class GitLab {

    private final Map<Object, Object> pipeline;

    GitLab() throws IOException {
      pipeline = yaml("ci/gitlab-ci.yml");
    }

    private Map<String, Object> job(String name) {
      return map(pipeline.get(name));
    }

    private String script(String job) {
      return String.join(
          "\n", list(job(job).get("script")).stream().map(CiTemplatesTest::string).toList());
    }

    @Test
    void verifiesOnJdk17And21And25OfTemurinWithTheMavenCache() {
      Map<String, Object> verify = job("verify");
      assertThat(verify).containsEntry("image", "eclipse-temurin:${JDK}-jdk");
      assertThat(list(map(list(map(verify.get("parallel")).get("matrix")).get(0)).get("JDK")))
          .containsExactly("17", "21", "25");
      assertThat(list(map(verify.get("cache")).get("paths"))).contains(".m2/repository/");
      assertThat(map(pipeline.get("variables")))
          .containsEntry("MAVEN_OPTS", "-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository");
    }

    @Test
    void runsTheReadmesVerifyCommandAndPublishesPactsOnlyOnTheDefaultBranch() {
      String script = script("verify");
      assertThat(script)
          .contains(
              "if [ \"$CI_COMMIT_BRANCH\" = \"$CI_DEFAULT_BRANCH\" ] && [ \"$JDK\" = \"17\" ]")
          .contains(VERIFY_AND_PUBLISH)
          .contains("env -u PACT_BROKER_BASE_URL " + VERIFY);
      assertThat(script.indexOf(VERIFY_AND_PUBLISH)).isLessThan(script.indexOf("else"));
      assertThat(list(job("verify").get("rules")).get(0))
          .isEqualTo(Map.of("if", "$CI_PIPELINE_SOURCE == \"schedule\"", "when", "never"));
    }

    @Test
    void publishesTheSurefireAndFailsafeReportsAsJUnitReportsAndAttachesTheSpecDiff() {
      Map<String, Object> artifacts = map(job("verify").get("artifacts"));
      assertThat(artifacts).containsEntry("when", "always");
      assertThat(list(map(artifacts.get("reports")).get("junit")))
          .contains(
              "**/target/surefire-reports/TEST-*.xml", "**/target/failsafe-reports/TEST-*.xml");
      assertThat(list(artifacts.get("paths")))
          .contains("openapi/target/spec-diff/", "api-gate/target/japicmp/");
      assertThat(
              String.join(
                  "\n",
                  list(job("verify").get("after_script")).stream()
                      .map(CiTemplatesTest::string)
                      .toList()))
          .contains(SPEC_DIFF)
          .contains("cat \"$report\"");
    }

    @Test
    void deploysAReleaseTagBetweenCanIDeployAndRecordDeployment() {
      List<Object> stages = list(pipeline.get("stages"));
      assertThat(stages)
          .containsSubsequence("verify", "can-i-deploy", "deploy", "record-deployment");
      assertThat(job("can-i-deploy")).containsEntry("stage", "can-i-deploy");
      assertThat(job("deploy")).containsEntry("stage", "deploy");
      assertThat(job("record-deployment")).containsEntry("stage", "record-deployment");
      for (String name : List.of("can-i-deploy", "deploy", "record-deployment")) {
        assertThat(string(map(list(job(name).get("rules")).get(0)).get("if")))
            .as(name)
            .contains("$CI_COMMIT_TAG =~ /^v/");
      }
      assertThat(script("can-i-deploy"))
          .contains("pact-broker can-i-deploy")
          .contains("--version \"$CI_COMMIT_SHA\"")
          .contains("--to-environment \"$PACT_ENVIRONMENT\"");
      assertThat(script("deploy"))
          .contains("deploy -Prelease")
          .contains("-s ci/central-settings.xml");
      assertThat(script("record-deployment"))
          .contains("pact-broker record-deployment")
          .contains("--environment \"$PACT_ENVIRONMENT\"");
      assertThat(string(map(pipeline.get("variables")).get("PACT_CLI_IMAGE")))
          .matches("pactfoundation/pact-cli:\\d+(\\.\\d+)+");
      assertThat(Reactor.ROOT.resolve("ci/central-settings.xml"))
          .content()
          .contains("<id>central</id>")
          .contains("${env.MAVEN_CENTRAL_USERNAME}");
    }

    @Test
    void checksSpecDriftOnScheduleOnlyWhenTheUpstreamSpecIsSet() {
      assertThat(list(job("spec-drift").get("rules")))
          .containsExactly(Map.of("if", "$CI_PIPELINE_SOURCE == \"schedule\" && $UPSTREAM_SPEC"));
      assertThat(script("spec-drift")).isEqualTo(SPEC_DRIFT);
      assertThat(map(pipeline.get("variables"))).doesNotContainKey("UPSTREAM_SPEC");
    }
  }
}
