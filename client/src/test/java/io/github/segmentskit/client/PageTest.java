package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.generated.model.Pagination;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PageTest {

  private static Pagination pagination(int current, int total) {
    return new Pagination().currentPage(current).totalPages(total).count(2).perPage(2).total(5);
  }

  @Test
  void hasNextFollowsThePagination() {
    assertThat(new Page<>(List.of("a"), pagination(1, 2)).hasNext()).isTrue();
    assertThat(new Page<>(List.of("a"), pagination(2, 2)).hasNext()).isFalse();
    assertThat(new Page<>(List.of("a"), null).hasNext()).isFalse();
  }

  @Test
  void streamFetchesPagesLazilyAndInOrder() {
    List<Integer> fetched = new ArrayList<>();
    List<List<String>> pages = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    var stream =
        PageIterator.stream(
            number -> {
              fetched.add(number);
              return new Page<>(pages.get(number - 1), pagination(number, 3));
            });
    assertThat(fetched).isEmpty();
    assertThat(stream.limit(3).collect(Collectors.joining())).isEqualTo("abc");
    assertThat(fetched).containsExactly(1, 2);
  }

  @Test
  void streamStopsOnAnEmptyPage() {
    assertThat(PageIterator.stream(number -> new Page<String>(List.of(), pagination(number, 9))))
        .isEmpty();
  }
}
