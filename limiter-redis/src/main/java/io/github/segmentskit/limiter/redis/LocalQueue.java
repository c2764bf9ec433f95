package io.github.segmentskit.limiter.redis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The callers of one JVM waiting for a permit of the fleet. A few of them at a time ask Redis
 * ({@code askers}); the others wait here in line, in the order they came, for their turn to ask or
 * for a permit that a caller of this JVM gives back while it is still well inside its lease ({@link
 * #offer(RedisPermit)}): that permit goes to the first in line at once, without a round trip to
 * Redis and without waking the waiters of every JVM (the callers asking Redis get theirs from
 * Redis).
 *
 * <p>Why so few ask Redis: Redisson wakes the waiters of every JVM on each release, and all but one
 * retry in vain; with 50 waiters per JVM that is about ten Redis scripts per permit, and their CPU
 * is what a busy host lacks. Two keep a waiter ready while the other takes its permit.
 */
final class LocalQueue {
  private final Deque<CompletableFuture<Turn>> waiting = new ArrayDeque<>(); // guarded by this
  private int askersFree; // guarded by this
  private boolean closed; // guarded by this

  /**
   * What a waiting caller got: a permit handed over by a caller of this JVM, its turn to ask Redis
   * ({@link #ASK}, which it must end with {@link #doneAsking()}), or the news that the limiter was
   * closed ({@link #CLOSED}).
   */
  static final class Turn {
    static final Turn ASK = new Turn(null);
    static final Turn CLOSED = new Turn(null);

    private final RedisPermit handed;

    private Turn(RedisPermit handed) {
      this.handed = handed;
    }

    boolean ask() {
      return this == ASK;
    }

    boolean closed() {
      return this == CLOSED;
    }

    /** The permit handed over; null for {@link #ASK} and {@link #CLOSED}. */
    RedisPermit handed() {
      return handed;
    }
  }

  LocalQueue(int askers) {
    this.askersFree = askers;
  }

  /**
   * Waits until {@code deadlineNanos} ({@link System#nanoTime()}) for this caller's turn; null if
   * none came in time. A permit handed over just as the time ran out is still returned (it is
   * there, and waiting no longer); a turn to ask Redis that came that late is passed on. A caller
   * interrupted while waiting gets its turn passed on (a handed permit to {@code onAbandoned}).
   */
  Turn await(long deadlineNanos, Consumer<RedisPermit> onAbandoned) throws InterruptedException {
    CompletableFuture<Turn> ticket = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        return Turn.CLOSED;
      }
      if (askersFree > 0 && waiting.isEmpty()) {
        askersFree--;
        return Turn.ASK;
      }
      waiting.addLast(ticket);
    }
    try {
      return ticket.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      Turn late = abandon(ticket);
      if (late != null && late.ask()) {
        doneAsking();
        return null;
      }
      return late;
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

  /** Wakes every waiting caller with {@link Turn#CLOSED}; later callers get it at once. */
  void close() {
    List<CompletableFuture<Turn>> woken;
    synchronized (this) {
      closed = true;
      woken = new ArrayList<>(waiting);
      waiting.clear();
    }
    woken.forEach(ticket -> ticket.complete(Turn.CLOSED));
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

  /** How many turns to ask Redis are free. */
  synchronized int askersFree() {
    return askersFree;
  }

  /** Passes on a turn that its caller will not use. */
  void passOn(Turn turn, Consumer<RedisPermit> onAbandoned) {
    if (turn.ask()) {
      doneAsking();
    } else if (!turn.closed()) {
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
