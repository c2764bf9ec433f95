package io.github.segmentskit.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code page} and {@code limit} of a list request, and the page of a collection they select.
 *
 * @param page the number of the page, from 1 (default 1)
 * @param limit the page size, from 1 (default 50; the API's maximum, 250, is checked by {@link
 *     #from})
 */
record Pagination(int page, int limit) {

  Pagination {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1 but was " + page);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
    }
  }

  /**
   * Reads {@code page} and {@code limit}; a value that is not an integer >= 1 is a 422, a {@code
   * limit} above {@link Limits#MAX_PAGE_SIZE} a 413.
   */
  static Pagination from(Query query) {
    int page = positive(query, "page", 1);
    int limit = positive(query, "limit", Limits.DEFAULT_PAGE_SIZE);
    if (limit > Limits.MAX_PAGE_SIZE) {
      throw Problem.pageSizeTooLarge();
    }
    return new Pagination(page, limit);
  }

  private static int positive(Query query, String name, int fallback) {
    String text = query.single(name).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.unprocessable(Map.of(name, "must be an integer >= 1"));
  }

  /** The items of this page, in the order of {@code all}. */
  <T> List<T> slice(List<T> all) {
    long from = (long) (page - 1) * limit;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + limit));
  }

  /**
   * A collection response: {@code {data: [...], meta: {pagination: {total, count, per_page,
   * current_page, total_pages}}}}. An empty collection has {@code total_pages} 0.
   */
  <T> ObjectNode response(List<T> all, Function<T, ObjectNode> toJson) {
    List<T> items = slice(all);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode data = body.putArray("data");
    items.forEach(item -> data.add(toJson.apply(item)));
    ObjectNode pagination = body.putObject("meta").putObject("pagination");
    pagination.put("total", all.size());
    pagination.put("count", items.size());
    pagination.put("per_page", limit);
    pagination.put("current_page", page);
    pagination.put("total_pages", (int) ((all.size() + (long) limit - 1) / limit));
    return body;
  }
}
