package io.github.segmentskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small pure pieces: ids, query strings, pagination, media types, routes. */
class UnitsTest {

  private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

  @Test
  void acceptsOnlyCanonicalUuids() {
    assertThat(Uuids.parse(ID)).contains(UUID.fromString(ID));
    assertThat(Uuids.parse(ID.toUpperCase(Locale.ROOT))).contains(UUID.fromString(ID));
    assertThat(Uuids.parse("1-1-1-1-1")).isEmpty();
    assertThat(Uuids.parse(ID + "0")).isEmpty();
    assertThat(Uuids.parse("{" + ID + "}")).isEmpty();
    assertThat(Uuids.parse(ID.replace("-", ""))).isEmpty();
    assertThat(Uuids.parse(" " + ID)).isEmpty();
    assertThat(Uuids.parse("3fa85f64-5717-4562-b3fc-2c963f66afag")).isEmpty();
  }

  @Test
  void readsIdInLiterallyOrPercentEncoded() {
    UUID id = UUID.fromString(ID);

    assertThat(Query.parse("id:in=" + ID + "," + ID).idIn()).contains(List.of(id));
    assertThat(Query.parse("id%3Ain=" + ID + "%2C" + ID).idIn()).contains(List.of(id));
    assertThat(Query.parse("page=2").idIn()).isEmpty();
    assertThat(Query.parse(null).has("id:in")).isFalse();
  }

  @Test
  void namesTheBadItemOfIdIn() {
    assertThatThrownBy(() -> Query.parse("id:in=" + ID + ",x," + ID + ",").idIn())
        .isInstanceOfSatisfying(
            Problem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(422);
              assertThat(problem.errors())
                  .containsOnlyKeys("id:in[1]", "id:in[3]")
                  .containsEntry("id:in[1]", "must be a UUID");
            });
  }

  @Test
  void aBrokenPercentEscapeIs400() {
    assertThatThrownBy(() -> Query.parse("id:in=%zz"))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
  }

  @Test
  void slicesPages() {
    List<Integer> all = List.of(1, 2, 3, 4, 5);

    assertThat(new Pagination(1, 2).slice(all)).containsExactly(1, 2);
    assertThat(new Pagination(3, 2).slice(all)).containsExactly(5);
    assertThat(new Pagination(4, 2).slice(all)).isEmpty();
    assertThat(new Pagination(Integer.MAX_VALUE, Integer.MAX_VALUE).slice(all)).isEmpty();
    assertThat(
            new Pagination(1, Integer.MAX_VALUE)
                .response(all, i -> Json.MAPPER.createObjectNode())
                .get("meta")
                .get("pagination")
                .get("total_pages")
                .asInt())
        .isEqualTo(1);
    assertThat(
            new Pagination(1, 50)
                .response(List.of(), i -> Json.MAPPER.createObjectNode())
                .get("meta")
                .get("pagination")
                .get("total_pages")
                .asInt())
        .isZero();
  }

  @Test
  void refusesOnlyAnAcceptThatClearlyExcludesJson() {
    assertThat(MediaTypes.acceptsJson(null)).isTrue();
    assertThat(MediaTypes.acceptsJson(List.of(""))).isTrue();
    assertThat(MediaTypes.acceptsJson(List.of("application/json; charset=utf-8"))).isTrue();
    assertThat(MediaTypes.acceptsJson(List.of("application/problem+json"))).isTrue();
    assertThat(MediaTypes.acceptsJson(List.of("text/plain", "application/*"))).isTrue();
    assertThat(MediaTypes.acceptsJson(List.of("text/html, text/plain"))).isFalse();
    assertThat(MediaTypes.isJson("Application/JSON;charset=UTF-8")).isTrue();
    assertThat(MediaTypes.isJson("text/plain")).isFalse();
  }

  @Test
  void routesTheFourPathsOfAStore() {
    assertThat(Route.match("/stores/abc123/v3/segments"))
        .contains(new Route("abc123", Route.Resource.SEGMENTS, null));
    assertThat(Route.match("/stores/abc123/v3/segments/" + ID + "/shopper-profiles"))
        .contains(new Route("abc123", Route.Resource.SEGMENT_SHOPPER_PROFILES, ID));
    assertThat(Route.match("/stores/abc123/v3/shopper-profiles/" + ID + "/segments"))
        .contains(new Route("abc123", Route.Resource.SHOPPER_PROFILE_SEGMENTS, ID));
    assertThat(Route.match("/stores/abc123/v2/segments")).isEmpty();
    assertThat(Route.match("/stores/abc123/v3/segments/" + ID)).isEmpty();
    assertThat(Route.match("/stores/a.b/v3/segments")).isEmpty();
    assertThat(Route.Resource.SHOPPER_PROFILE_SEGMENTS.allowed()).isEqualTo("GET");
  }
}
