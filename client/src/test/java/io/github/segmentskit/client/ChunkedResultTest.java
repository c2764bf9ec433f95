package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.segmentskit.client.exception.SegmentsConnectionException;
import io.github.segmentskit.client.exception.SegmentsException;
import io.github.segmentskit.client.exception.SegmentsInterruptedException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkedResultTest {
  private static ChunkOutcome<UUID> chunk(int index, SegmentsException failure) {
    UUID id = new UUID(0, index);
    return new ChunkOutcome<>(
        index, index, List.of(id), failure == null ? List.of(id) : List.of(), failure);
  }

  @Test
  void sumsUpSucceededAndFailedChunksWithoutLosingAnId() {
    SegmentsException reset = new SegmentsConnectionException("reset", null);
    ChunkedResult<UUID> result =
        new ChunkedResult<>(List.of(chunk(0, null), chunk(1, reset), chunk(2, null)));

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.items()).containsExactly(new UUID(0, 0), new UUID(0, 2));
    assertThat(result.failedIds()).containsExactly(new UUID(0, 1));
  }

  @Test
  void orThrowSuppressesEachOtherFailureOnceAndNeverTheFirstByItself() {
    // Chunks left unsent after an interrupt share the exception that stopped them.
    SegmentsException stop = new SegmentsInterruptedException("interrupted", null);
    SegmentsException other = new SegmentsConnectionException("reset", null);
    ChunkedResult<UUID> result =
        new ChunkedResult<>(
            List.of(
                chunk(0, stop), chunk(1, stop), chunk(2, other), chunk(3, other), chunk(4, stop)));

    Throwable first = catchThrowable(result::orThrow);
    Throwable again = catchThrowable(result::orThrow);

    assertThat(first).isSameAs(stop).isSameAs(again);
    assertThat(first.getSuppressed()).containsExactly(other);
  }

  @Test
  void orThrowReturnsTheResultWhenEveryChunkSucceeded() {
    ChunkedResult<UUID> result = new ChunkedResult<>(List.of(chunk(0, null)));
    assertThat(result.orThrow()).isSameAs(result);
  }
}
