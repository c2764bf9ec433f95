package io.github.segmentskit.client;

import static java.util.Objects.requireNonNull;

import io.github.segmentskit.client.exception.ClientClosedException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import io.github.segmentskit.generated.invoker.ApiClient;
import io.github.segmentskit.generated.invoker.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Makes the {@link Call}s of the resource clients: a single request ({@link #single}), or one
 * request per chunk of ids ({@link #chunked}) whose outcomes make a {@link ChunkedResult}. Both run
 * through the one {@link Pipeline}; blocking on the caller's thread, async on the client's
 * executor.
 */
final class Calls {
  private final Pipeline pipeline;
  private final ClientExecutor executor;

  Calls(Pipeline pipeline, ClientExecutor executor) {
    this.pipeline = pipeline;
    this.executor = executor;
  }

  <R, T> Call<T> single(Endpoint<R, T> endpoint) {
    return new Single<>(endpoint);
  }

  /**
   * One request per chunk of {@code chunks}, made by {@code endpointOf}; sent one after another by
   * {@code execute()}, all at once (within the concurrency limit) by {@code executeAsync()}.
   */
  <T> Call<ChunkedResult<T>> chunked(
      Operation operation,
      List<List<UUID>> chunks,
      Function<List<UUID>, Endpoint<?, List<T>>> endpointOf) {
    List<Endpoint<?, List<T>>> endpoints = new ArrayList<>(chunks.size());
    for (List<UUID> chunk : chunks) {
      endpoints.add(endpointOf.apply(chunk));
    }
    return new Chunked<>(operation, List.copyOf(chunks), List.copyOf(endpoints));
  }

  /**
   * The generated API's delete of {@code ids} (null: without {@code id:in}, which deletes
   * everything in scope).
   */
  @FunctionalInterface
  interface IdDelete {
    void send(ApiClient apiClient, List<UUID> ids) throws ApiException;
  }

  /**
   * A delete by {@code id:in} of {@code ids} (at least one, checked by the caller), split so that
   * no request target under {@code basePath} is too long; the result's items are the ids whose
   * request succeeded.
   */
  Call<ChunkedResult<UUID>> deleteByIds(
      Operation operation, Object pathParameter, List<UUID> ids, String basePath, IdDelete delete) {
    int max = RequestTargets.maxIds(basePath, operation);
    return chunked(
        operation,
        Inputs.chunks(ids, max),
        chunk ->
            new Endpoint<Void, List<UUID>>(
                operation,
                pathParameter,
                api -> {
                  delete.send(api, chunk);
                  return null;
                },
                null,
                none -> chunk));
  }

  /**
   * A delete without {@code id:in}: everything in scope. Only the named delete-all methods call it.
   */
  Call<Void> deleteEverything(Operation operation, Object pathParameter, IdDelete delete) {
    return single(
        new Endpoint<Void, Void>(
            operation,
            pathParameter,
            api -> {
              delete.send(api, null);
              return null;
            },
            null,
            none -> null));
  }

  private void checkOpen() {
    if (executor.closed()) {
      throw executor.closedException(null);
    }
  }

  /** A call of one request. */
  private final class Single<R, T> implements Call<T> {
    private final Endpoint<R, T> endpoint;

    Single(Endpoint<R, T> endpoint) {
      this.endpoint = requireNonNull(endpoint, "endpoint == null");
    }

    @Override
    public T execute() {
      checkOpen();
      return pipeline.run(endpoint);
    }

    @Override
    public CompletableFuture<T> executeAsync() {
      return executor.submit(() -> pipeline.run(endpoint));
    }

    @Override
    public Operation operation() {
      return endpoint.operation();
    }

    @Override
    public String toString() {
      return "Call[" + endpoint.name() + "]";
    }
  }

  /** A call of one request per chunk. */
  private final class Chunked<T> implements Call<ChunkedResult<T>> {
    private final Operation operation;
    private final List<List<UUID>> chunks;
    private final List<Endpoint<?, List<T>>> endpoints;

    Chunked(Operation operation, List<List<UUID>> chunks, List<Endpoint<?, List<T>>> endpoints) {
      this.operation = operation;
      this.chunks = chunks;
      this.endpoints = endpoints;
    }

    @Override
    public ChunkedResult<T> execute() {
      checkOpen();
      List<ChunkOutcome<T>> outcomes = new ArrayList<>(chunks.size());
      SegmentsException stop = null;
      for (int i = 0; i < chunks.size(); i++) {
        if (stop != null) {
          outcomes.add(failed(i, stop)); // interrupted or closed: the rest is not sent
          continue;
        }
        ChunkOutcome<T> outcome = run(i);
        outcomes.add(outcome);
        SegmentsException failure = outcome.failure();
        if (failure instanceof SegmentsInterruptedException
            || failure instanceof ClientClosedException) {
          stop = failure;
        }
      }
      return new ChunkedResult<>(outcomes);
    }

    @Override
    public CompletableFuture<ChunkedResult<T>> executeAsync() {
      List<CompletableFuture<ChunkOutcome<T>>> futures = new ArrayList<>(chunks.size());
      for (int i = 0; i < chunks.size(); i++) {
        int index = i;
        futures.add(
            executor
                .submit(() -> run(index))
                .exceptionally(
                    failure ->
                        failed(
                            index,
                            failure instanceof SegmentsException typed
                                ? typed
                                : new SegmentsException("chunk " + index + " failed", failure))));
      }
      return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .thenApply(
              done -> new ChunkedResult<>(futures.stream().map(CompletableFuture::join).toList()));
    }

    private ChunkOutcome<T> run(int index) {
      try {
        List<T> items = pipeline.run(endpoints.get(index));
        return new ChunkOutcome<>(index, firstInputIndex(index), chunks.get(index), items, null);
      } catch (SegmentsException e) {
        return failed(index, e);
      }
    }

    private ChunkOutcome<T> failed(int index, SegmentsException failure) {
      return new ChunkOutcome<>(
          index, firstInputIndex(index), chunks.get(index), List.of(), failure);
    }

    private int firstInputIndex(int index) {
      int first = 0;
      for (int i = 0; i < index; i++) {
        first += chunks.get(i).size();
      }
      return first;
    }

    @Override
    public Operation operation() {
      return operation;
    }

    @Override
    public String toString() {
      return "Call[" + operation + ", " + chunks.size() + " chunks]";
    }
  }
}
