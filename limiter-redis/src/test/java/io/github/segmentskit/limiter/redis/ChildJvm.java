package io.github.segmentskit.limiter.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A main class of the test classpath run in a child JVM (a separate process, as a pod of a fleet
 * would be): its standard output is read line by line into {@link #lines()} (and handed to a
 * listener), standard error is discarded, and {@link #close()} kills it if it still runs.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process, Consumer<String> listener) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                  listener.accept(line);
                }
              } catch (IOException e) {
                // the process died
              }
            },
            "child-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(Class<?> main, List<String> args, Consumer<String> listener)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new ChildJvm(process, listener);
  }

  /** Waits until the child printed {@code line}; false if it did not within the timeout. */
  boolean awaitLine(String line, long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!lines.contains(line)) {
      if (System.nanoTime() - end > 0 || (!process.isAlive() && !reader.isAlive())) {
        return lines.contains(line);
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** Writes one line to the child's standard input. */
  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Waits for the child to end and for its output to be read; false on timeout. */
  boolean awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      return false;
    }
    reader.join(5000);
    return true;
  }

  /** kill -9. */
  void kill() {
    process.destroyForcibly();
  }

  List<String> lines() {
    return lines;
  }

  /** The line that starts with {@code prefix}, or null. */
  String lineStartingWith(String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
  }

  /** Kills the child if it still runs, and waits up to 10 s for it to end. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
