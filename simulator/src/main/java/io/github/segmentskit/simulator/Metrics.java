package io.github.segmentskit.simulator;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator saw, for assertions: requests received, requests per operation, responses per
 * status, the peak number of requests in flight in one store, 429s (all of them, and by cause: the
 * in-flight limit, the quota, a rate-limited store, fault injection), and "delete everything"
 * requests. Thread-safe; {@link #reset()} zeroes every counter.
 */
public final class Metrics {

  private final LongAdder received = new LongAdder();
  private final Map<Operation, LongAdder> byOperation = new EnumMap<>(Operation.class);
  private final Map<Operation, LongAdder> deleteAll = new EnumMap<>(Operation.class);
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final AtomicInteger peakInFlight = new AtomicInteger();
  private final LongAdder injectedFaults = new LongAdder();
  private final LongAdder inFlightLimitRefusals = new LongAdder();
  private final LongAdder quotaRefusals = new LongAdder();
  private final LongAdder rateLimitedStoreRefusals = new LongAdder();

  Metrics() {
    for (Operation operation : Operation.values()) {
      byOperation.put(operation, new LongAdder());
      deleteAll.put(operation, new LongAdder());
    }
  }

  void received() {
    received.increment();
  }

  void operation(Operation operation) {
    byOperation.get(operation).increment();
  }

  void deleteAll(Operation operation) {
    deleteAll.get(operation).increment();
  }

  void response(int status) {
    byStatus.computeIfAbsent(status, key -> new LongAdder()).increment();
  }

  void inFlight(int inFlight) {
    peakInFlight.accumulateAndGet(inFlight, Math::max);
  }

  void injectedFault() {
    injectedFaults.increment();
  }

  void refusedByInFlightLimit() {
    inFlightLimitRefusals.increment();
  }

  void refusedOverQuota() {
    quotaRefusals.increment();
  }

  void refusedRateLimitedStore() {
    rateLimitedStoreRefusals.increment();
  }

  /** Every HTTP request that reached the server, whatever its path or answer. */
  public long requestsReceived() {
    return received.sum();
  }

  /** Every response sent (one per request received, once the request has been answered). */
  public long responsesSent() {
    return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The requests routed to {@code operation} (answered with any status). */
  public long requests(Operation operation) {
    requireNonNull(operation, "operation == null");
    return byOperation.get(operation).sum();
  }

  /** The requests per operation (operations never called are 0). */
  public Map<Operation, Long> requestsByOperation() {
    Map<Operation, Long> counts = new EnumMap<>(Operation.class);
    byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
    return Map.copyOf(counts);
  }

  /** The responses sent with {@code status}. */
  public long responses(int status) {
    LongAdder count = byStatus.get(status);
    return count == null ? 0 : count.sum();
  }

  /** The responses per status, in status order. */
  public Map<Integer, Long> responsesByStatus() {
    Map<Integer, Long> counts = new TreeMap<>();
    byStatus.forEach((status, count) -> counts.put(status, count.sum()));
    return counts;
  }

  /** The most requests one store had in flight (admitted, not yet answered) at the same time. */
  public int peakInFlight() {
    return peakInFlight.get();
  }

  /**
   * The 429 responses, whatever their cause: the sum of {@link #inFlightLimitRefusals()}, {@link
   * #quotaRefusals()}, {@link #rateLimitedStoreRefusals()} and the injected 429s.
   */
  public long tooManyRequests() {
    return responses(429);
  }

  /** The 429 and 503 responses injected by {@link FaultInjection}. */
  public long injectedFaults() {
    return injectedFaults.sum();
  }

  /** The 429s of requests refused because their store had the most requests in flight. */
  public long inFlightLimitRefusals() {
    return inFlightLimitRefusals.sum();
  }

  /** The 429s of requests refused because their store's enforced quota for the window was used. */
  public long quotaRefusals() {
    return quotaRefusals.sum();
  }

  /** The 429s of requests refused because their store was rate limited ({@code rateLimitFor}). */
  public long rateLimitedStoreRefusals() {
    return rateLimitedStoreRefusals.sum();
  }

  /**
   * The DELETE requests received without {@code id:in}, which delete every segment, every shopper
   * profile, or every profile of a segment. Counted on arrival, whether or not they were then
   * authorized: a client must never send one by accident, so tests assert this stays 0.
   */
  public long deleteAllRequests() {
    return deleteAll.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The DELETE-without-{@code id:in} requests for one of the three DELETE operations. */
  public long deleteAllRequests(Operation operation) {
    requireNonNull(operation, "operation == null");
    return deleteAll.get(operation).sum();
  }

  /** Zeroes every counter (requests in flight right now are still answered and counted). */
  public void reset() {
    received.reset();
    byOperation.values().forEach(LongAdder::reset);
    deleteAll.values().forEach(LongAdder::reset);
    byStatus.clear();
    peakInFlight.set(0);
    injectedFaults.reset();
    inFlightLimitRefusals.reset();
    quotaRefusals.reset();
    rateLimitedStoreRefusals.reset();
  }

  @Override
  public String toString() {
    return "Metrics{received="
        + requestsReceived()
        + ", responses="
        + responsesByStatus()
        + ", peakInFlight="
        + peakInFlight()
        + ", deleteAll="
        + deleteAllRequests()
        + "}";
  }
}
