package io.github.segmentskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.segmentskit.client.exception.InconsistentPaginationException;
import io.github.segmentskit.generated.model.Pagination;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagesTest {
  private static final String NAME = "GET /segments";

  private static Pagination pagination(int total, int count, int perPage, int current, int pages) {
    return new Pagination()
        .total(total)
        .count(count)
        .perPage(perPage)
        .currentPage(current)
        .totalPages(pages);
  }

  private static List<String> items(int n) {
    return new ArrayList<>(Collections.nCopies(n, "x"));
  }

  @Test
  void acceptsConsistentPages() {
    PageParams second = PageParams.page(2).limit(2);
    Page<String> page = Pages.checked(NAME, second, items(2), pagination(5, 2, 2, 2, 3));
    assertThat(page.hasNext()).isTrue();
    Page<String> last =
        Pages.checked(NAME, PageParams.page(3).limit(2), items(1), pagination(5, 1, 2, 3, 3));
    assertThat(last.hasNext()).isFalse();
    Page<String> empty =
        Pages.checked(NAME, PageParams.first(), items(0), pagination(0, 0, 50, 1, 0));
    assertThat(empty.items()).isEmpty();
    assertThat(Pages.checked(NAME, PageParams.first(), items(0), pagination(0, 0, 50, 1, 1)))
        .isNotNull();
  }

  @Test
  void refusesAPageThatIsNotThePageAskedFor() {
    assertThatThrownBy(
            () -> Pages.checked(NAME, PageParams.page(2), items(50), pagination(200, 50, 50, 1, 4)))
        .isInstanceOf(InconsistentPaginationException.class)
        .hasMessage(
            "GET /segments -> inconsistent pagination: current_page is 1, but page 2 was asked"
                + " for");
  }

  @Test
  void refusesACountThatIsNotTheNumberOfItems() {
    assertThatThrownBy(
            () -> Pages.checked(NAME, PageParams.first(), items(1), pagination(2, 2, 50, 1, 1)))
        .hasMessageContaining("count is 2, but the page holds 1 items");
  }

  @Test
  void refusesAnEmptyOrShortPageWhileMorePagesFollow() {
    assertThatThrownBy(
            () ->
                Pages.checked(
                    NAME, PageParams.first().limit(2), items(0), pagination(4, 0, 2, 1, 2)))
        .isInstanceOf(InconsistentPaginationException.class)
        .hasMessageContaining("holds 0 items, fewer than per_page 2, though more pages follow");
    assertThatThrownBy(
            () ->
                Pages.checked(
                    NAME, PageParams.first().limit(2), items(1), pagination(3, 1, 2, 1, 2)))
        .hasMessageContaining("holds 1 items, fewer than per_page 2");
  }

  @Test
  void refusesTotalPagesThatDoNotFollowFromTheTotal() {
    assertThatThrownBy(
            () ->
                Pages.checked(
                    NAME, PageParams.first().limit(2), items(2), pagination(4, 2, 2, 1, 1_000_000)))
        .hasMessageContaining("total_pages is 1000000, but total 4 at per_page 2 makes 2");
  }

  @Test
  void refusesMoreItemsThanPerPageOrAPerPageAboveTheLimitAskedFor() {
    assertThatThrownBy(
            () ->
                Pages.checked(
                    NAME, PageParams.first().limit(2), items(3), pagination(3, 3, 2, 1, 2)))
        .hasMessageContaining("more than per_page 2");
    assertThatThrownBy(
            () ->
                Pages.checked(
                    NAME, PageParams.first().limit(2), items(3), pagination(3, 3, 3, 1, 1)))
        .hasMessageContaining("per_page is 3, more than the limit 2 asked for");
  }

  @Test
  void aStreamReadsEveryPageOnceAndEnds() {
    AtomicInteger fetches = new AtomicInteger();
    List<String> all =
        PagedStream.of(
                NAME,
                2,
                page -> {
                  fetches.incrementAndGet();
                  int count = page.page() < 3 ? 2 : 1;
                  return Pages.checked(
                      NAME, page, items(count), pagination(5, count, 2, page.page(), 3));
                })
            .collect(Collectors.toList());
    assertThat(all).hasSize(5);
    assertThat(fetches).hasValue(3);
  }

  @Test
  void aStreamFailsRatherThanRunPastTheAnnouncedPagesPlusTheTolerance() {
    AtomicInteger fetches = new AtomicInteger();
    // Every page says one more page follows; total grows to match, so each page is consistent.
    Function<PageParams, Page<String>> liar =
        page -> {
          fetches.incrementAndGet();
          int pages = page.page() + 1;
          return Pages.checked(NAME, page, items(1), pagination(pages, 1, 1, page.page(), pages));
        };
    assertThatThrownBy(() -> PagedStream.of(NAME, 1, liar).count())
        .isInstanceOf(InconsistentPaginationException.class)
        .hasMessageContaining("the first page announced 2 pages");
    assertThat(fetches.get()).isEqualTo(2 + PagedStream.EXTRA_PAGES);
  }

  @Test
  void pageParamsRefuseImpossiblePagesAndSizes() {
    assertThatThrownBy(() -> PageParams.page(0)).hasMessage("page must be at least 1, was 0");
    assertThatThrownBy(() -> PageParams.first().limit(0))
        .hasMessage("limit must be between 1 and 250, was 0");
    assertThatThrownBy(() -> PageParams.first().limit(251))
        .hasMessage("limit must be between 1 and 250, was 251");
    assertThat(PageParams.page(3).limit(100)).isEqualTo(PageParams.page(3).limit(100));
  }
}
