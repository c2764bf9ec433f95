package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar} of a jar as a child process, for the integration tests: its output (stdout and
 * stderr together) is collected by a daemon thread, at most {@value #MAX_LINES} lines; {@link
 * #close()} always ends the process, with bounded waits.
 */
final class JarProcess implements AutoCloseable {

  private static final int MAX_LINES = 500;
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean outputEnded; // guarded by lines

  private JarProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readOutput, "jar-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java -jar jar args...} in {@code workDir}, with no {@code CLASSPATH} and no
   * {@code JAVA_TOOL_OPTIONS} inherited: only the jar is on the class path.
   */
  static JarProcess start(Path jar, Path workDir, String... args) {
    requireNonNull(jar, "jar == null");
    requireNonNull(workDir, "workDir == null");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no jar at " + jar + ": run `package` first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().remove("CLASSPATH");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    try {
      return new JarProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /**
   * Waits until a line of output matches, at most {@code timeout}.
   *
   * @throws AssertionError with the output so far if no line matched in time or the process ended
   */
  String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (matches.test(line)) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && outputEnded)) {
          throw new AssertionError(
              "no matching line within " + timeout + "; output so far: " + lines);
        }
        TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    }
  }

  /** Waits for the process to end by itself, at most {@code timeout}; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "; output: " + output());
    }
    return process.exitValue();
  }

  /** The output so far. */
  List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (lines) {
          if (lines.size() < MAX_LINES) {
            lines.add(line);
          }
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process was ended: nothing more to read
    } finally {
      synchronized (lines) {
        outputEnded = true;
        lines.notifyAll();
      }
    }
  }

  /**
   * Ends the process (SIGTERM, then SIGKILL after {@link #STOP_WAIT}) and waits for it; if the wait
   * is interrupted, kills it and keeps the interrupt.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError("the process " + process.pid() + " did not end");
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
