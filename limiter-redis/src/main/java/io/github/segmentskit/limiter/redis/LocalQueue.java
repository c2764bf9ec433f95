package io.github.segmentskit.limiter.redis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The callers of one JVM waiting for a permit of the fleet, in the order they came. A few of them
 * at a time ask Redis ({@code askers}); the others wait here for their turn to ask, or for a permit
 * that a caller of this JVM gives back while it is still well inside its lease ({@link
 * #offer(RedisPermit)}): that permit goes to the first of them at once, without a round trip to
 * Redis and without waking the waiters of every JVM.
 *
 * <p>Why so few ask Redis: Redisson wakes the waiters of every JVM on each release, and all but one
 * retry in vain; with 50 waiters per JVM that is about ten Redis scripts per permit, and their CPU
 * is what a busy host lacks. Two keep a waiter ready while the other takes its permit.
 */
final class LocalQueue {
  private final Deque<CompletableFuture<Turn>> waiting = new ArrayDeque<>(); // guarded by this
  private int askersFree; // guarded by this

  /**
   * What a waiting caller got: a permit handed over by a caller of this JVM, or (when {@code
   * handed} is null) its turn to ask Redis, which it must end with {@link #doneAsking()}.
   */
  record Turn(RedisPermit handed) {
    static final Turn ASK = new Turn(null);

    boolean ask() {
      return handed == null;
    }
  }

  LocalQueue(int askers) {
    this.askersFree = askers;
  }

  /**
   * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for this caller's turn; null if
   * none came in time. A caller interrupted while waiting gets its turn passed on (a handed permit
   * to {@code onAbandoned}).
   */
  Turn await(long deadlineNanos, java.util.function.Consumer<RedisPermit> onAbandoned)
      throws InterruptedException {
    CompletableFuture<Turn> ticket = new CompletableFuture<>();
    synchronized (this) {
      if (askersFree > 0 && waiting.isEmpty()) {
        askersFree--;
        return Turn.ASK;
      }
      waiting.addLast(ticket);
    }
    try {
      return ticket.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return abandon(ticket); // a turn that came as the time ran out is still this caller's
    } catch (InterruptedException e) {
      Turn late = abandon(ticket);
      if (late != null) {
        passOn(late, onAbandoned);
      }
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a ticket never fails", e.getCause());
    }
  }

  /** Ends a turn to ask Redis: the next waiting caller asks, or the turn stays free. */
  void doneAsking() {
    while (true) {
      CompletableFuture<Turn> next;
      synchronized (this) {
        next = waiting.pollFirst();
        if (next == null) {
          askersFree++;
          return;
        }
      }
      if (next.complete(Turn.ASK)) {
        return;
      }
      // that caller gave up meanwhile: the next one
    }
  }

  /**
   * Hands {@code permit} to the first waiting caller; false if none waits (the caller then releases
   * it to the fleet).
   */
  boolean offer(RedisPermit permit) {
    Turn turn = new Turn(permit);
    while (true) {
      CompletableFuture<Turn> next;
      synchronized (this) {
        next = waiting.pollFirst();
        if (next == null) {
          return false;
        }
      }
      if (next.complete(turn)) {
        return true;
      }
    }
  }

  /** How many callers wait for a turn (not those asking Redis). */
  synchronized int waiting() {
    return waiting.size();
  }

  /** Passes on a turn that its caller will not use. */
  void passOn(Turn turn, java.util.function.Consumer<RedisPermit> onAbandoned) {
    if (turn.ask()) {
      doneAsking();
    } else {
      onAbandoned.accept(turn.handed());
    }
  }

  /** Takes {@code ticket} out of the line; the turn that reached it meanwhile, or null. */
  private Turn abandon(CompletableFuture<Turn> ticket) {
    synchronized (this) {
      waiting.remove(ticket);
    }
    if (ticket.cancel(false)) {
      return null;
    }
    return ticket.join();
  }
}
