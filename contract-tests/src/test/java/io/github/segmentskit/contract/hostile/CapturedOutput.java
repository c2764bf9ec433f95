package io.github.segmentskit.contract.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything written while it is open: {@code System.out} and {@code System.err} (where
 * slf4j-simple writes) and every java.util.logging record (where {@code System.Logger} goes by
 * default), at every level. Closing it restores the streams and the root logger.
 */
final class CapturedOutput implements AutoCloseable {
  private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
  private final List<String> records = new ArrayList<>();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Logger root = Logger.getLogger("");
  private final Level originalLevel = root.getLevel();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String text =
              record.getLevel()
                  + " "
                  + record.getLoggerName()
                  + " "
                  + record.getMessage()
                  + " "
                  + Arrays.toString(record.getParameters())
                  + (record.getThrown() == null
                      ? ""
                      : " " + TokenSightings.stackTrace(record.getThrown()));
          synchronized (records) {
            records.add(text);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedOutput() {
    System.setOut(new PrintStream(new Tee(originalOut, streams), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, streams), true, StandardCharsets.UTF_8));
    root.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
  }

  static CapturedOutput start() {
    return new CapturedOutput();
  }

  /** What was written to the standard streams so far. */
  String streams() {
    System.out.flush();
    System.err.flush();
    synchronized (streams) {
      return streams.toString(StandardCharsets.UTF_8);
    }
  }

  /** The log records so far, one text each (message, parameters, stack trace). */
  List<String> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    root.removeHandler(handler);
    root.setLevel(originalLevel);
  }

  /** Writes to the original stream and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream original;
    private final ByteArrayOutputStream capture;

    Tee(OutputStream original, ByteArrayOutputStream capture) {
      this.original = original;
      this.capture = capture;
    }

    @Override
    public void write(int b) throws IOException {
      original.write(b);
      synchronized (capture) {
        capture.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      original.write(bytes, offset, length);
      synchronized (capture) {
        capture.write(bytes, offset, length);
      }
    }
  }
}
