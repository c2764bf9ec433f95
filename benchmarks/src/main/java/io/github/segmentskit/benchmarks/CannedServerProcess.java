package io.github.segmentskit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link CannedServer} in a child JVM on the same class path; closing it ends the child. */
final class CannedServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private CannedServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static CannedServerProcess start() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CannedServer.class.getName()))
            .redirectError(ProcessBuilder.Redirect.INHERIT);
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
      return new CannedServerProcess(process, Integer.parseInt(line.substring(5).trim()));
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
