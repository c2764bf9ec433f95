package io.github.segmentskit.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Runs calls from many threads at once, started together, and tallies their outcomes. */
final class Callers {
  private Callers() {}

  /** One call: caller number, call number of that caller; returns an outcome label. */
  @FunctionalInterface
  interface Call {
    String run(int caller, int call) throws Exception;
  }

  /** What a run did: wall time and outcomes by label ("ok", "429", ...). */
  record Tally(Duration wall, Map<String, Long> outcomes) {
    long count(String label) {
      return outcomes.getOrDefault(label, 0L);
    }
  }

  /**
   * {@code callers} threads each make {@code callsPerCaller} calls; bounded by {@code bound}.
   *
   * @throws IllegalStateException if the calls have not ended within the bound
   */
  static Tally run(int callers, int callsPerCaller, Duration bound, Call call)
      throws InterruptedException {
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    for (int c = 0; c < callers; c++) {
      int caller = c;
      pool.execute(
          () -> {
            ready.countDown();
            try {
              go.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            }
            for (int i = 0; i < callsPerCaller; i++) {
              String outcome;
              try {
                outcome = call.run(caller, i);
              } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
              }
              outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
            }
          });
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    pool.shutdown();
    boolean ended = pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    if (!ended) {
      pool.shutdownNow();
      throw new IllegalStateException("calls did not end within " + bound);
    }
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((label, count) -> counts.put(label, count.sum()));
    return new Tally(wall, counts);
  }
}
