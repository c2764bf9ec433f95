package io.github.segmentskit.contract.pact.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.segmentskit.contract.pact.provider.WrongProvider.Fault;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pacts can fail: verified against a provider that gets one thing wrong ({@link WrongProvider}
 * in front of the simulator), they report failures for exactly the interactions that fault touches,
 * and for no other; a provider that is right in a way the pacts must not forbid (update answered
 * 200, list items without optional fields) passes them all. Every interaction of both known pacts
 * runs each time.
 */
class WrongProviderControlIT {
  /** Every interaction of the two pacts (segments-kit-client and the raw probes). */
  private static final int INTERACTIONS = 22;

  private static final Set<String> DELETES =
      Set.of(
          "delete a segment by id",
          "delete every segment of the store (no id:in)",
          "remove a shopper profile from a segment",
          "delete a shopper profile by id");

  private static final Set<String> FILTERED_LISTS =
      Set.of(
          "list the segments with given ids",
          "list the shopper profiles in a segment",
          "list the segments of a shopper profile");

  private static final Set<String> UPDATE = Set.of("update the description of a segment");

  private static final Set<String> ERRORS =
      Set.of(
          "create a segment with a name already in use",
          "create a segment when the store has 1000 segments",
          "create a segment with a read-only token",
          "list segments with an invalid token",
          "list segments when the store's rate limit is used up",
          "list the shopper profiles of a segment that does not exist",
          "add a shopper profile that is already in the segment",
          "list the shopper profiles of a segment whose id is not a UUID",
          "create a segment whose name is a number");

  @Test
  void deletesThatDeleteNothingFailExactlyTheFourDeletes() {
    assertThat(failuresAgainst(Fault.DELETES_NOTHING, 201, "after the interaction: .* (still|is)"))
        .isEqualTo(new TreeSet<>(DELETES));
  }

  @Test
  void ignoredFiltersFailExactlyTheThreeFilteredLists() {
    assertThat(
            failuresAgainst(
                Fault.IGNORES_FILTERS,
                201,
                Pattern.quote("$.data Expected a List with 1 elements but received 2 elements")))
        .isEqualTo(new TreeSet<>(FILTERED_LISTS));
  }

  @Test
  void theWrongItemFailsExactlyTheThreeFilteredListsOnItsId() {
    assertThat(
            failuresAgainst(
                Fault.ANSWERS_THE_WRONG_ITEM, 201, Pattern.quote("$.data[0].id Expected '")))
        .isEqualTo(new TreeSet<>(FILTERED_LISTS));
  }

  @Test
  void anIgnoredUpdateFailsExactlyTheUpdate() {
    assertThat(
            failuresAgainst(
                Fault.IGNORES_UPDATE, 201, Pattern.quote("$.data[0].description Expected '")))
        .isEqualTo(new TreeSet<>(UPDATE));
  }

  @Test
  void anUpdateAnswered202FailsExactlyTheUpdate() {
    assertThat(
            failuresAgainst(
                Fault.PUT_ANSWERS_202,
                201,
                Pattern.quote("expected a status in [201, 200] but was 202")))
        .isEqualTo(new TreeSet<>(UPDATE));
  }

  @Test
  void anErrorStatusInTheBodyOtherThanTheResponsesFailsExactlyTheErrorInteractions() {
    assertThat(
            failuresAgainst(
                Fault.WRONG_ERROR_STATUS, 201, "\\$\\.(errors\\[0\\]\\.)?status Expected"))
        .isEqualTo(new TreeSet<>(ERRORS));
  }

  @Test
  void anUpdateAnswered200PassesEveryInteraction() {
    assertThat(failuresAgainst(Fault.NONE, 200)).isEmpty();
  }

  @Test
  void listItemsWithOnlyTheirIdPassEveryInteraction() {
    assertThat(failuresAgainst(Fault.SPARSE_ITEMS, 201)).isEmpty();
  }

  /**
   * The interactions that fail against {@code fault}; each failure must name {@code reason} (so it
   * fails for the fault, not for something else).
   */
  private static Set<String> failuresAgainst(Fault fault, int putStatus, String reason) {
    Map<String, NestedRun.Outcome> failed = new TreeMap<>();
    outcomes(fault, putStatus)
        .forEach(
            (interaction, outcome) -> {
              if (outcome.failed()) {
                failed.put(interaction, outcome);
              }
            });
    assertThat(failed.values())
        .allSatisfy(outcome -> assertThat(outcome.message()).containsPattern(reason));
    return new TreeSet<>(failed.keySet());
  }

  private static Map<String, NestedRun.Outcome> outcomes(Fault fault, int putStatus) {
    Map<String, NestedRun.Outcome> outcomes =
        NestedRun.run(
            WrongProviderVerification.class,
            Map.of(
                WrongProviderVerification.FAULT,
                fault.name(),
                WrongProviderVerification.PUT_STATUS,
                Integer.toString(putStatus)));

    assertThat(outcomes).as("interactions verified against %s", fault).hasSize(INTERACTIONS);
    assertThat(outcomes.values()).noneMatch(NestedRun.Outcome::skipped);
    return outcomes;
  }

  private static Set<String> failuresAgainst(Fault fault, int putStatus) {
    return outcomes(fault, putStatus).entrySet().stream()
        .filter(outcome -> outcome.getValue().failed())
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
