package io.github.segmentskit.contract.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a child JVM, for what a running JVM cannot change (its
 * default charset, its heap) or another JDK. The child is bounded in time: past {@code max} it is
 * killed and the run fails. Its output (standard output and error together) goes to a file, so a
 * chatty child can never block on a full pipe.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** What a child printed and how it ended. */
  record Result(int exitCode, String output) {}

  /** The {@code java} of the JDK that runs the tests. */
  static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * Runs {@code main} with {@code jvmOptions} and {@code args} on {@code java}.
   *
   * @throws AssertionError if the child had not ended after {@code max} (it is killed)
   */
  static Result run(
      Path java, List<String> jvmOptions, Class<?> main, List<String> args, Duration max)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-XX:TieredStopAtLevel=1"); // a JVM of seconds: C2 would cost more than it gives
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    Path output = Files.createTempFile("child-jvm-", ".log");
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      boolean ended = child.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
      String printed = Files.readString(output, StandardCharsets.ISO_8859_1);
      if (!ended) {
        throw new AssertionError(
            "the child JVM " + main.getSimpleName() + " ran longer than " + max + ":\n" + printed);
      }
      return new Result(child.exitValue(), printed);
    } finally {
      if (child.isAlive()) {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Files.deleteIfExists(output);
    }
  }
}
