package io.github.segmentskit.contract.hostile;

import io.github.segmentskit.client.CallInfo;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.RetryDecision;
import io.github.segmentskit.client.exception.SegmentsException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link EventListener} that writes down everything it is given, as text: each event with all of
 * its arguments, failures with their full stack traces.
 */
final class RecordingListener implements EventListener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final boolean failOnCallStart;

  RecordingListener() {
    this(false);
  }

  private RecordingListener(boolean failOnCallStart) {
    this.failOnCallStart = failOnCallStart;
  }

  /** A recorder that throws from {@code callStart} (after recording), as a broken listener does. */
  static RecordingListener failingOnCallStart() {
    return new RecordingListener(true);
  }

  /** Every event so far, one text each. */
  List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public void callStart(CallInfo call) {
    events.add("callStart " + call);
    if (failOnCallStart) {
      throw new IllegalStateException("a listener that fails in callStart");
    }
  }

  @Override
  public void permitAcquired(CallInfo call, int attempt, Duration waited) {
    events.add("permitAcquired " + call + " " + attempt + " " + waited);
  }

  @Override
  public void attemptEnd(CallInfo call, int attempt, int status, Duration duration) {
    events.add("attemptEnd " + call + " " + attempt + " " + status + " " + duration);
  }

  @Override
  public void attemptFailed(
      CallInfo call, int attempt, SegmentsException failure, Duration duration) {
    events.add(
        "attemptFailed "
            + call
            + " "
            + attempt
            + " "
            + duration
            + " "
            + TokenSightings.stackTrace(failure));
  }

  @Override
  public void retrying(CallInfo call, int attempt, RetryDecision decision) {
    events.add("retrying " + call + " " + attempt + " " + decision);
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    events.add("callEnd " + call + " " + duration);
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SegmentsException failure) {
    events.add("callFailed " + call + " " + duration + " " + TokenSightings.stackTrace(failure));
  }
}
