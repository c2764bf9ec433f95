package io.github.segmentskit.client;

import io.github.segmentskit.generated.invoker.ApiClient;
import io.github.segmentskit.generated.invoker.ApiException;

/** One invocation of a method of the generated API, on the {@code ApiClient} of one attempt. */
@FunctionalInterface
interface GeneratedCall<R> {
  R send(ApiClient apiClient) throws ApiException;
}
