package io.github.segmentskit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import io.github.segmentskit.generated.invoker.ApiClient;
import io.github.segmentskit.generated.invoker.ApiException;
import io.github.segmentskit.generated.support.RequestInterceptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one call from start to end, the same way for every operation, blocking and async alike:
 *
 * <ol>
 *   <li>per attempt, the generated API builds and serializes the request and sends it through an
 *       {@link Attempt}, which puts it on the {@link Wire} (the permit covers only that) and checks
 *       the raw response (media type, UTF-8, not blank, gzip inflated within the cap);
 *   <li>the client parses a 2xx body from its bytes with the {@linkplain StrictJson strict mapper}
 *       into the generated model; the model is then checked against the spec's constraints ({@link
 *       ModelRules}) and turned into the result (pages are checked by {@link Pages});
 *   <li>any failure becomes its typed exception ({@link ErrorMapper}); a response that says the
 *       store is rate limited pauses the store's limiter; the {@link RetryPolicy} decides, and the
 *       pipeline waits without a permit before the next attempt.
 * </ol>
 *
 * The {@link EventListener} sees each step.
 */
final class Pipeline {
  private static final int MAX_PROBLEMS_SHOWN = 5;
  private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());

  private final Wire wire;
  private final ErrorMapper errors;
  private final ObjectMapper mapper;
  private final String baseUri;
  private final RequestInterceptor interceptor;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final EventListener.Factory listeners;
  private final String storeHash;
  private final AtomicLong callIds = new AtomicLong();

  Pipeline(
      Wire wire,
      ErrorMapper errors,
      ObjectMapper mapper,
      String baseUri,
      RequestInterceptor interceptor,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      EventListener.Factory listeners,
      String storeHash) {
    this.wire = wire;
    this.errors = errors;
    this.mapper = mapper;
    this.baseUri = baseUri;
    this.interceptor = interceptor;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.listeners = listeners;
    this.storeHash = storeHash;
  }

  <R, T> T run(Endpoint<R, T> endpoint) {
    Operation operation = endpoint.operation();
    CallInfo call = new CallInfo(operation, storeHash, callIds.incrementAndGet());
    EventListener listener = SafeListener.create(listeners, call);
    String name = endpoint.name();
    long start = System.nanoTime();
    listener.callStart(call);
    for (int number = 1; ; number++) {
      Attempt attempt =
          new Attempt(wire, errors, name, call, number, listener, endpoint.expectsBody());
      long attemptStart = System.nanoTime();
      SegmentsException failure;
      try {
        endpoint.send().send(apiClient(attempt));
        pauseIfRateLimited(attempt.response());
        T result = trusted(endpoint, name, attempt);
        listener.callEnd(call, since(start));
        return result;
      } catch (ApiException e) {
        pauseIfRateLimited(attempt.response());
        failure = failure(operation, endpoint, name, attempt, e);
      } catch (SegmentsException e) {
        failure = e;
      }
      if (attempt.response() == null) {
        listener.attemptFailed(call, number, failure, since(attemptStart));
      }
      RetryDecision decision = retryPolicy.decide(operation.method(), number, failure);
      if (!decision.retry()) {
        listener.callFailed(call, since(start), failure);
        throw failure;
      }
      listener.retrying(call, number, decision);
      try {
        sleeper.sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        SegmentsInterruptedException interrupted =
            new SegmentsInterruptedException(
                name + " -> interrupted while waiting to retry after: " + failure.getMessage(), e);
        interrupted.addSuppressed(failure);
        listener.callFailed(call, since(start), interrupted);
        throw interrupted;
      }
    }
  }

  private ApiClient apiClient(Attempt attempt) {
    ApiClient apiClient = new AttemptApiClient(attempt, mapper, baseUri);
    apiClient.setRequestInterceptor(interceptor);
    apiClient.setReadTimeout(wire.requestTimeout());
    return apiClient;
  }

  /**
   * The generated {@code ApiClient} of one attempt. It hands the generated API the client's mapper
   * itself: the generated {@code getObjectMapper()} returns {@code mapper.copy()}, and a copied
   * {@code ObjectMapper} starts with empty serializer and deserializer caches, so with a generated
   * API made per attempt every request paid Jackson's introspection of its models again (reflection
   * over every annotated property, each way). The mapper is configured once ({@link StrictJson})
   * and never changed after, and a configured {@code ObjectMapper} is thread-safe.
   */
  private static final class AttemptApiClient extends ApiClient {
    private final ObjectMapper mapper;

    AttemptApiClient(Attempt attempt, ObjectMapper mapper, String baseUri) {
      super(new FixedHttpClientBuilder(attempt), mapper, baseUri);
      this.mapper = mapper;
    }

    @Override
    public ObjectMapper getObjectMapper() {
      return mapper;
    }
  }

  /** The result of a response the client can trust, or the reason it cannot. */
  private <R, T> T trusted(Endpoint<R, T> endpoint, String name, Attempt attempt) {
    if (!endpoint.expectsBody()) {
      return endpoint.result().apply(null);
    }
    R model;
    try {
      model = mapper.readValue(attempt.trustedBody(), endpoint.responseType());
    } catch (JsonProcessingException e) {
      throw errors.unreadable(name, attempt.response(), e);
    } catch (IOException e) {
      throw errors.untrusted(name, attempt.response(), "the body could not be read");
    }
    if (model == null) {
      throw errors.untrusted(name, attempt.response(), "the body is null");
    }
    List<String> problems = ModelRules.problems(model, "");
    if (!problems.isEmpty()) {
      String shown =
          String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS_SHOWN, problems.size())));
      int more = problems.size() - MAX_PROBLEMS_SHOWN;
      throw errors.untrusted(
          name,
          attempt.response(),
          "the body breaks the spec: " + shown + (more > 0 ? " (and " + more + " more)" : ""));
    }
    return endpoint.result().apply(model);
  }

  private SegmentsException failure(
      Operation operation, Endpoint<?, ?> endpoint, String name, Attempt attempt, ApiException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Attempt.Failure carried) {
      return carried.failure();
    }
    Exchanged response = attempt.response();
    if (response != null && response.status() / 100 != 2) {
      return errors.fromStatus(
          operation, operation.path(endpoint.pathParameter()), response, attempt.bodyText());
    }
    if (response != null && cause instanceof JsonProcessingException json) {
      return errors.unreadable(name, response, json);
    }
    return errors.noResponse(name, cause == null ? e : cause, wire.maxResponseBytes());
  }

  /**
   * A 429 with a reset pauses the store (every client of it, in a fleet if the limiter is shared)
   * until the reset; another response that reports the quota left and the reset tells the limiter
   * ({@link ConcurrencyLimiter#onQuota}), which pauses when none is left (or, for a limiter that
   * knows better, earlier). A reset past the retry policy's {@code maxRateLimitWait} is not waited
   * for, and pauses nothing.
   */
  private void pauseIfRateLimited(Exchanged response) {
    if (response == null) {
      return;
    }
    RateLimitHeaders headers = RateLimitHeaders.from(response.headers().map());
    Optional<Duration> reset = headers.resetAfter();
    if (reset.isEmpty() || reset.get().compareTo(retryPolicy.maxRateLimitWait()) > 0) {
      return;
    }
    try {
      if (response.status() == 429) {
        wire.limiter().onRateLimited(reset.get());
      } else if (headers.requestsLeft().isPresent()) {
        wire.limiter().onQuota(headers.requestsLeft().getAsLong(), reset.get());
      }
    } catch (RuntimeException e) {
      // A limiter that cannot take the news (its backing store down) must not fail a call that
      // got its answer; its next acquire reports the outage.
      LOG.log(
          System.Logger.Level.DEBUG,
          "the concurrency limiter could not record a rate limit: {0}",
          e.getClass().getName());
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
