package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.SegmentsException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a user's {@link EventListener} so that it cannot break a call: an exception it throws is
 * caught, logged once per listener class (at WARNING, class and method only) and otherwise ignored.
 */
final class SafeListener implements EventListener {
  private static final System.Logger LOG = System.getLogger(SafeListener.class.getName());
  private static final ClassValue<AtomicBoolean> LOGGED =
      new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
          return new AtomicBoolean();
        }
      };

  private final EventListener delegate;

  private SafeListener(EventListener delegate) {
    this.delegate = delegate;
  }

  /** The listener the factory makes for {@code call}, made safe; NONE if the factory throws. */
  static EventListener create(EventListener.Factory factory, CallInfo call) {
    EventListener listener;
    try {
      listener = factory.create(call);
    } catch (RuntimeException e) {
      ignored(factory.getClass(), "create", e);
      return NONE;
    }
    return listener == null || listener == NONE ? NONE : new SafeListener(listener);
  }

  private static void ignored(Class<?> type, String method, RuntimeException e) {
    if (LOGGED.get(type).compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}.{1} threw {2}; ignored (further failures of this listener are not logged)",
          type.getName(),
          method,
          e.getClass().getName());
    }
  }

  private void guard(String method, Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      ignored(delegate.getClass(), method, e);
    }
  }

  @Override
  public void callStart(CallInfo call) {
    guard("callStart", () -> delegate.callStart(call));
  }

  @Override
  public void permitAcquired(CallInfo call, int attempt, Duration waited) {
    guard("permitAcquired", () -> delegate.permitAcquired(call, attempt, waited));
  }

  @Override
  public void attemptEnd(CallInfo call, int attempt, int status, Duration duration) {
    guard("attemptEnd", () -> delegate.attemptEnd(call, attempt, status, duration));
  }

  @Override
  public void attemptFailed(
      CallInfo call, int attempt, SegmentsException failure, Duration duration) {
    guard("attemptFailed", () -> delegate.attemptFailed(call, attempt, failure, duration));
  }

  @Override
  public void retrying(CallInfo call, int attempt, RetryDecision decision) {
    guard("retrying", () -> delegate.retrying(call, attempt, decision));
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    guard("callEnd", () -> delegate.callEnd(call, duration));
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SegmentsException failure) {
    guard("callFailed", () -> delegate.callFailed(call, duration, failure));
  }
}
