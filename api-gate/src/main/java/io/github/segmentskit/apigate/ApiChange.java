package io.github.segmentskit.apigate;

import static java.util.Objects.requireNonNull;

/**
 * One change japicmp found in a published jar's API.
 *
 * @param element the class, method, constructor or field, e.g. {@code
 *     io.github.segmentskit.generated.model.Segment.getName()}
 * @param change japicmp's name of the change, e.g. {@code METHOD_REMOVED}
 * @param binaryCompatible whether code compiled against the released jar still links and runs
 * @param sourceCompatible whether code written against the released jar still compiles
 */
record ApiChange(
    String element, String change, boolean binaryCompatible, boolean sourceCompatible) {

  ApiChange {
    requireNonNull(element, "element == null");
    requireNonNull(change, "change == null");
  }

  @Override
  public String toString() {
    String kind =
        !binaryCompatible
            ? "binary-incompatible"
            : (sourceCompatible ? "compatible" : "source-incompatible");
    return "[" + kind + "] " + element + ": " + change;
  }
}
