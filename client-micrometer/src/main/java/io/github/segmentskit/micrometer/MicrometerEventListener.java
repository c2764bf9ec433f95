package io.github.segmentskit.micrometer;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.CallInfo;
import io.github.segmentskit.client.EventListener;
import io.github.segmentskit.client.RetryDecision;
import io.github.segmentskit.client.exception.SegmentsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Records a {@code SegmentsClient}'s calls in a Micrometer {@link MeterRegistry}. Plug it in with
 * {@code SegmentsClient.builder().eventListener(MicrometerEventListener.bindTo(registry))}.
 *
 * <table>
 *   <caption>Meters (names with the default prefix {@code segments.client})</caption>
 *   <tr><th>meter</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code segments.client.calls}</td><td>timer</td>
 *       <td>{@code operation}, {@code outcome}</td>
 *       <td>each call from start to end, retries and waits included; {@code outcome} is {@code
 *       success} or the simple name of the exception (e.g. {@code NotFoundException})</td></tr>
 *   <tr><td>{@code segments.client.permit.wait}</td><td>timer</td><td>{@code operation}</td>
 *       <td>how long each attempt waited for a permit of the store's limiter</td></tr>
 *   <tr><td>{@code segments.client.attempts}</td><td>counter</td>
 *       <td>{@code operation}, {@code status}</td>
 *       <td>each attempt; {@code status} is the HTTP status, or {@code none} when no response
 *       came</td></tr>
 *   <tr><td>{@code segments.client.retries}</td><td>counter</td><td>{@code operation}</td>
 *       <td>each retry the retry policy decided</td></tr>
 *   <tr><td>{@code segments.client.rate.limited}</td><td>counter</td><td>{@code operation}</td>
 *       <td>each attempt answered 429</td></tr>
 * </table>
 *
 * <p>{@code operation} is BigCommerce's operationId (eleven values). A {@code store} tag is added
 * only when asked for ({@link Builder#storeTag(boolean)}): an application with a client per store
 * of thousands of stores would otherwise make thousands of series. Nothing the listener records
 * carries the token or a body.
 */
public final class MicrometerEventListener implements EventListener {
  /** The prefix of every meter name unless another is given. */
  public static final String DEFAULT_PREFIX = "segments.client";

  private final MeterRegistry registry;
  private final String prefix;
  private final boolean storeTag;
  private final Tags commonTags;

  private MicrometerEventListener(Builder builder) {
    this.registry = builder.registry;
    this.prefix = builder.prefix;
    this.storeTag = builder.storeTag;
    this.commonTags = builder.commonTags;
  }

  /** A listener that records into {@code registry} with the defaults. */
  public static MicrometerEventListener bindTo(MeterRegistry registry) {
    return builder(registry).build();
  }

  /** A builder for a listener that records into {@code registry}. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  @Override
  public void permitAcquired(CallInfo call, int attempt, Duration waited) {
    Timer.builder(prefix + ".permit.wait")
        .description("Time an attempt waited for a permit of the store's concurrency limiter")
        .tags(tags(call))
        .register(registry)
        .record(waited);
  }

  @Override
  public void attemptEnd(CallInfo call, int attempt, int status, Duration duration) {
    attempts(call, String.valueOf(status)).increment();
    if (status == 429) {
      Counter.builder(prefix + ".rate.limited")
          .description("Attempts answered 429 Too Many Requests")
          .tags(tags(call))
          .register(registry)
          .increment();
    }
  }

  @Override
  public void attemptFailed(
      CallInfo call, int attempt, SegmentsException failure, Duration duration) {
    attempts(call, "none").increment();
  }

  @Override
  public void retrying(CallInfo call, int attempt, RetryDecision decision) {
    Counter.builder(prefix + ".retries")
        .description("Retries decided by the retry policy")
        .tags(tags(call))
        .register(registry)
        .increment();
  }

  @Override
  public void callEnd(CallInfo call, Duration duration) {
    calls(call, "success").record(duration);
  }

  @Override
  public void callFailed(CallInfo call, Duration duration, SegmentsException failure) {
    calls(call, failure.getClass().getSimpleName()).record(duration);
  }

  private Timer calls(CallInfo call, String outcome) {
    return Timer.builder(prefix + ".calls")
        .description("Calls of the Segments API, retries and waits included")
        .tags(tags(call).and("outcome", outcome))
        .register(registry);
  }

  private Counter attempts(CallInfo call, String status) {
    return Counter.builder(prefix + ".attempts")
        .description("Attempts sent, by the status of their response (none: no response)")
        .tags(tags(call).and("status", status))
        .register(registry);
  }

  private Tags tags(CallInfo call) {
    Tags tags = commonTags.and(Tag.of("operation", call.operation().operationId()));
    return storeTag ? tags.and("store", call.storeHash().toLowerCase(Locale.ROOT)) : tags;
  }

  @Override
  public String toString() {
    return "MicrometerEventListener[prefix=" + prefix + ", storeTag=" + storeTag + "]";
  }

  /** Builds a {@link MicrometerEventListener}. */
  public static final class Builder {
    private final MeterRegistry registry;
    private String prefix = DEFAULT_PREFIX;
    private boolean storeTag;
    private Tags commonTags = Tags.empty();

    private Builder(MeterRegistry registry) {
      this.registry = requireNonNull(registry, "registry == null");
    }

    /** The prefix of the meter names; default {@code segments.client}. */
    public Builder prefix(String prefix) {
      requireNonNull(prefix, "prefix == null");
      if (prefix.isBlank() || prefix.endsWith(".")) {
        throw new IllegalArgumentException(
            "prefix must not be blank or end with a dot, was \"" + prefix + "\"");
      }
      this.prefix = prefix;
      return this;
    }

    /** Whether meters carry a {@code store} tag (the store hash, lower case); default false. */
    public Builder storeTag(boolean storeTag) {
      this.storeTag = storeTag;
      return this;
    }

    /** Tags added to every meter, e.g. the application's name. */
    public Builder commonTags(Tags commonTags) {
      this.commonTags = requireNonNull(commonTags, "commonTags == null");
      return this;
    }

    /** The listener. */
    public MicrometerEventListener build() {
      return new MicrometerEventListener(this);
    }
  }
}
