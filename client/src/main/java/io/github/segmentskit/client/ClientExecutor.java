package io.github.segmentskit.client;

import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where async calls run: a pool the client owns (daemon threads, as many as the store's limit,
 * started on demand) or an executor the user gave. {@link #close()} fails the calls still queued
 * with {@link ClientClosedException}, interrupts the running ones (their requests keep their
 * permits until they end) and ends the own pool's threads. A given executor is left running.
 */
final class ClientExecutor {
  private final String storeHash;
  private final Executor executor;
  private final ThreadPoolExecutor own;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ClientExecutor(String storeHash, Executor executor, ThreadPoolExecutor own) {
    this.storeHash = storeHash;
    this.executor = executor;
    this.own = own;
  }

  static ClientExecutor given(String storeHash, Executor executor) {
    return new ClientExecutor(storeHash, executor, null);
  }

  static ClientExecutor own(String storeHash, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(
                      runnable, "segments-" + storeHash + "-async-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return new ClientExecutor(storeHash, pool, pool);
  }

  /** Runs {@code work} on the executor; the future fails with the typed exception it throws. */
  <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> future = new CompletableFuture<>();
    if (closed.get()) {
      future.completeExceptionally(closedException(null));
      return future;
    }
    Task<T> task = new Task<>(future, work);
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(
          closed.get()
              ? closedException(e)
              : new SegmentsException("the client's executor refused the call", e));
    }
    return future;
  }

  boolean closed() {
    return closed.get();
  }

  ClientClosedException closedException(Throwable cause) {
    return new ClientClosedException(
        "the SegmentsClient of store " + storeHash + " is closed", cause);
  }

  /** Idempotent. */
  void close() {
    if (!closed.compareAndSet(false, true) || own == null) {
      return;
    }
    List<Runnable> queued = own.shutdownNow();
    for (Runnable runnable : queued) {
      if (runnable instanceof Task<?> task) {
        task.future.completeExceptionally(closedException(null));
      }
    }
  }

  /** An async call and its future. */
  private final class Task<T> implements Runnable {
    private final CompletableFuture<T> future;
    private final Supplier<T> work;

    Task(CompletableFuture<T> future, Supplier<T> work) {
      this.future = future;
      this.work = work;
    }

    @Override
    public void run() {
      if (closed.get()) {
        future.completeExceptionally(closedException(null));
        return;
      }
      T result;
      try {
        result = work.get();
      } catch (SegmentsInterruptedException e) {
        future.completeExceptionally(closed.get() ? closedException(e) : e);
        return;
      } catch (Throwable t) {
        future.completeExceptionally(t);
        return;
      }
      future.complete(result);
    }
  }
}
