package io.github.segmentskit.contract.hostile;

import io.github.segmentskit.client.ConcurrencyLimiterRegistry;
import io.github.segmentskit.client.PageParams;
import io.github.segmentskit.client.SegmentsClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs in a child JVM ({@link BusyCommonPoolTest}): fills the common fork-join pool with blocking
 * work, then interrupts a call whose response body stalls (the server of the parent, first
 * argument), and waits (at most 8 s) until the store's permit is back. Prints {@code RESULT
 * parallelism=<n> caller=<exception> permitBackAfterMs=<ms>}.
 */
public final class BusyCommonPoolProbe {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1_000);

  private BusyCommonPoolProbe() {}

  public static void main(String[] args) throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    int parallelism = ForkJoinPool.getCommonPoolParallelism();
    for (int i = 0; i < parallelism; i++) {
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                try {
                  busy.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
    ConcurrencyLimiterRegistry registry = ConcurrencyLimiterRegistry.create();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long permitBack = -1;
    try (SegmentsClient client =
        SegmentsClient.builder()
            .storeHash("busypool")
            .accessToken("busy-pool-token")
            .baseUri(URI.create(args[0]))
            .limiterRegistry(registry)
            .requestTimeout(REQUEST_TIMEOUT)
            .build()) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.segments().list(PageParams.first()).execute();
                } catch (RuntimeException e) {
                  failure.set(e);
                }
              });
      long start = System.nanoTime();
      caller.start();
      Thread.sleep(300); // the request is on the wire, its body stalled
      caller.interrupt();
      caller.join(2_000);
      while (registry.permitsInUse("busypool") > 0 && System.nanoTime() - start < 8_000_000_000L) {
        Thread.sleep(5);
      }
      if (registry.permitsInUse("busypool") == 0) {
        permitBack = (System.nanoTime() - start) / 1_000_000;
      }
    } finally {
      busy.countDown();
    }
    System.out.println(
        "RESULT parallelism="
            + parallelism
            + " caller="
            + (failure.get() == null ? "none" : failure.get().getClass().getSimpleName())
            + " permitBackAfterMs="
            + permitBack);
    System.out.flush();
    System.exit(0);
  }
}
