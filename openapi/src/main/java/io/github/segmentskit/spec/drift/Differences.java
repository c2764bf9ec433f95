package io.github.segmentskit.spec.drift;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every fact on which our spec and BigCommerce's disagree, in order of operation and place.
 *
 * <p>Something one spec has and the other lacks is one difference, not one per fact inside it: a
 * missing operation is reported once (not once per parameter and status), and so are a missing
 * parameter, response, header, body or property.
 */
final class Differences {

  private Differences() {}

  /** The differences between two specs; the other spec's paths are filed under ours first. */
  static List<Difference> between(OpenAPI ours, OpenAPI upstream) {
    requireNonNull(ours, "ours == null");
    requireNonNull(upstream, "upstream == null");
    Set<String> ourPaths = ours.getPaths() == null ? Set.of() : ours.getPaths().keySet();
    return between(
        SpecFacts.of(ours), SpecFacts.of(upstream, path -> PathNames.asIn(ourPaths, path)));
  }

  /** The differences between two sets of facts. */
  static List<Difference> between(Map<FactKey, String> ours, Map<FactKey, String> upstream) {
    requireNonNull(ours, "ours == null");
    requireNonNull(upstream, "upstream == null");
    Set<FactKey> keys = new TreeSet<>(ours.keySet());
    keys.addAll(upstream.keySet());
    List<Difference> all = new ArrayList<>();
    for (FactKey key : keys) {
      String mine = ours.get(key);
      String theirs = upstream.get(key);
      if (!Objects.equals(mine, theirs)) {
        all.add(new Difference(key, mine, theirs));
      }
    }
    List<FactKey> missing =
        all.stream().map(Difference::key).filter(key -> key.aspect().equals("exists")).toList();
    return all.stream().filter(d -> !insideMissing(d.key(), missing)).toList();
  }

  private static boolean insideMissing(FactKey key, List<FactKey> missing) {
    for (FactKey gap : missing) {
      boolean samePlace =
          key.operation().equals(gap.operation())
              && key.where().equals(gap.where())
              && !key.aspect().equals("exists");
      if (samePlace || key.isInside(gap)) {
        return true;
      }
    }
    return false;
  }
}
