package io.github.segmentskit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CannedServer} in a child JVM on the same class path; closing it ends the child. {@link
 * #reset()} and {@link #stats()} talk to it over its standard input and output.
 */
final class CannedServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final BufferedReader out;
  private final PrintWriter in;

  /** What the server saw since the last {@link #reset()}. */
  record Stats(long received, int peakInFlight, long tooMany, int connections) {}

  private CannedServerProcess(Process process, int port, BufferedReader out) {
    this.process = process;
    this.port = port;
    this.out = out;
    this.in =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
  }

  /** A server that answers at once and limits nothing. */
  static CannedServerProcess start() {
    return start(List.of());
  }

  /**
   * A server that holds each request {@code latency} and answers 429 to any request above {@code
   * limit} in flight.
   */
  static CannedServerProcess holding(Duration latency, int limit) {
    return start(List.of(String.valueOf(latency.toMillis()), String.valueOf(limit)));
  }

  private static CannedServerProcess start(List<String> args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                CannedServer.class.getName()));
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process process = builder.start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        process.destroyForcibly();
        throw new IllegalStateException("canned server did not start: " + line);
      }
      return new CannedServerProcess(process, Integer.parseInt(line.substring(5).trim()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Zeroes the server's counters. */
  synchronized void reset() {
    String answer = ask("RESET");
    if (!answer.equals("OK")) {
      throw new IllegalStateException("canned server answered RESET with: " + answer);
    }
  }

  /** The server's counters since the last reset. */
  synchronized Stats stats() {
    String answer = ask("STATS");
    String[] parts = answer.split(" ");
    if (parts.length != 5 || !parts[0].equals("STATS")) {
      throw new IllegalStateException("canned server answered STATS with: " + answer);
    }
    return new Stats(
        Long.parseLong(parts[1]),
        Integer.parseInt(parts[2]),
        Long.parseLong(parts[3]),
        Integer.parseInt(parts[4]));
  }

  private String ask(String command) {
    in.println(command);
    try {
      String answer = out.readLine();
      if (answer == null) {
        throw new IllegalStateException("canned server ended");
      }
      return answer.trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI baseUri(String storeHash) {
    return URI.create("http://127.0.0.1:" + port + "/stores/" + storeHash + "/v3");
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
