package io.github.segmentskit.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ci/pact-version.sh, which .ci/run and both CI templates use: the branch and commit of the pacts
 * come from the CI's own variables, so a pull request's detached checkout is not published as
 * branch "HEAD".
 */
class PactVersionScriptTest {

  private static final Path SCRIPT = Reactor.ROOT.resolve("ci/pact-version.sh");
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  /** Runs the script in {@code workDir} with only {@code env} (and PATH) in its environment. */
  private static Run run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** A git repository whose HEAD is detached, as a pull request's checkout is. */
  private Path detachedCheckout() throws IOException, InterruptedException {
    for (List<String> git :
        List.of(
            List.of("git", "init", "-q"),
            List.of(
                "git",
                "-c",
                "user.name=ci",
                "-c",
                "user.email=ci@example.invalid",
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                "c"),
            List.of("git", "checkout", "-q", "--detach"))) {
      Process process = new ProcessBuilder(git).directory(dir.toFile()).inheritIO().start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(String.join(" ", git)).isZero();
    }
    return dir;
  }

  @Test
  void aGitHubPullRequestIsPublishedUnderItsSourceBranchNotTheMergeRef() throws Exception {
    Run run =
        run(
            detachedCheckout(),
            Map.of(
                "GITHUB_HEAD_REF",
                "feature/limits",
                "GITHUB_REF_NAME",
                "42/merge",
                "GITHUB_SHA",
                SHA),
            "maven-args");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo("-Dpact.consumer.version=" + SHA + "\n-Dpact.consumer.branch=feature/limits\n");
  }

  @Test
  void aGitHubPushIsPublishedUnderItsBranch() throws Exception {
    // GitHub sets GITHUB_HEAD_REF to an empty string outside pull requests.
    Run run =
        run(detachedCheckout(), Map.of("GITHUB_HEAD_REF", "", "GITHUB_REF_NAME", "main"), "branch");

    assertThat(run.out()).isEqualTo("main\n");
  }

  @Test
  void gitLabUsesTheMergeRequestSourceBranchThenTheCommitRef() throws Exception {
    Path checkout = detachedCheckout();

    assertThat(
            run(
                    checkout,
                    Map.of(
                        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "feature/mr",
                        "CI_COMMIT_REF_NAME", "feature/mr",
                        "CI_COMMIT_SHA", SHA),
                    "maven-args")
                .out())
        .isEqualTo("-Dpact.consumer.version=" + SHA + "\n-Dpact.consumer.branch=feature/mr\n");
    assertThat(run(checkout, Map.of("CI_COMMIT_REF_NAME", "main"), "branch").out())
        .isEqualTo("main\n");
  }

  @Test
  void outsideCiItTakesGitsBranchAndCommit() throws Exception {
    Path checkout = detachedCheckout();
    Process branch =
        new ProcessBuilder("git", "checkout", "-q", "-b", "local-work")
            .directory(checkout.toFile())
            .start();
    assertThat(branch.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(run(checkout, Map.of(), "branch").out()).isEqualTo("local-work\n");
    assertThat(run(checkout, Map.of(), "sha").out()).matches("[0-9a-f]{40}\n");
  }

  @Test
  void aDetachedCheckoutWithoutCiVariablesIsRefusedRatherThanPublishedAsHead() throws Exception {
    Run run = run(detachedCheckout(), Map.of(), "maven-args");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("cannot tell the branch (detached HEAD and no CI branch variable)");
  }

  @Test
  void ciRunPublishesWithTheSameScript() throws IOException {
    assertThat(Files.readString(Reactor.ROOT.resolve(".ci/run")))
        .contains("ci/pact-version.sh maven-args")
        .doesNotContain("rev-parse --abbrev-ref");
  }
}
