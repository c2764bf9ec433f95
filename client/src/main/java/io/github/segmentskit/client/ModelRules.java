package io.github.segmentskit.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Checks a generated model against the spec's constraints, for the requests the client sends and
 * the responses it reads alike. The constraints are the ones OpenAPI Generator writes on the
 * models' getters from the spec ({@code useBeanValidation}): {@code @NotNull} for a required
 * property, {@code @Min}/{@code @Max} for {@code minimum}/{@code maximum}, {@code @Size} for {@code
 * minLength}/{@code maxLength}/{@code minItems}/{@code maxItems}. No validation engine is used;
 * this class reads those annotations, and refuses to work on a model that carries one it does not
 * know, so a spec change cannot add a rule that goes unchecked.
 *
 * <p>Lists are checked item by item (a null item is a problem); nested models are walked.
 */
final class ModelRules {
  private static final String MODEL_PACKAGE = "io.github.segmentskit.generated.model";
  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          return analyse(type);
        }
      };

  private ModelRules() {}

  /** Every problem of {@code value}, named from {@code path}; empty if none. */
  static List<String> problems(Object value, String path) {
    List<String> problems = new ArrayList<>();
    check(value, new Path(null, path, -1), problems, 0);
    return problems;
  }

  /** The properties and constraints of a generated model class; fails on an unknown constraint. */
  static List<Property> properties(Class<?> modelType) {
    return PROPERTIES.get(modelType);
  }

  private static void check(Object value, Path path, List<String> problems, int depth) {
    if (value == null || depth > 32) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        if (item == null) {
          problems.add(new Path(path, null, i) + " is null");
        } else if (mayHoldProblems(item)) {
          check(item, new Path(path, null, i), problems, depth + 1);
        }
        i++;
      }
      return;
    }
    if (!isModel(value.getClass())) {
      return;
    }
    for (Property property : PROPERTIES.get(value.getClass())) {
      property.check(value, path, problems, depth);
    }
  }

  /** Whether checking {@code value} can find anything: a model or a collection. */
  private static boolean mayHoldProblems(Object value) {
    return value instanceof Collection<?> || isModel(value.getClass());
  }

  /**
   * Where a value sits, as in {@code data[3].id}: a property {@code name} or a list {@code index}
   * of its parent. The text is only built for a problem (a valid response builds none).
   */
  private record Path(Path parent, String name, int index) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      append(text);
      return text.toString();
    }

    private void append(StringBuilder text) {
      if (parent != null) {
        parent.append(text);
      }
      if (name == null) {
        text.append('[').append(index).append(']');
      } else if (!name.isEmpty()) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(name);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    return type.getPackageName().equals(MODEL_PACKAGE);
  }

  private static List<Property> analyse(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    for (Method getter : type.getMethods()) {
      JsonProperty json = getter.getAnnotation(JsonProperty.class);
      if (json == null
          || getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")) {
        continue;
      }
      boolean required = false;
      Long min = null;
      Long max = null;
      Integer minSize = null;
      Integer maxSize = null;
      for (Annotation annotation : getter.getAnnotations()) {
        if (annotation instanceof NotNull) {
          required = true;
        } else if (annotation instanceof Min m) {
          min = m.value();
        } else if (annotation instanceof Max m) {
          max = m.value();
        } else if (annotation instanceof Size size) {
          minSize = size.min();
          maxSize = size.max();
        } else if (annotation instanceof Valid) {
          continue; // nested models are always walked
        } else if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
          throw new IllegalStateException(
              "ModelRules cannot check @"
                  + annotation.annotationType().getSimpleName()
                  + " on "
                  + type.getSimpleName()
                  + "."
                  + getter.getName()
                  + "(): teach it this constraint before using the spec that asks for it");
        }
      }
      properties.add(new Property(json.value(), getter, required, min, max, minSize, maxSize));
    }
    properties.sort(Comparator.comparing(Property::name));
    return List.copyOf(properties);
  }

  /** One property of a model and the constraints the spec puts on it. */
  record Property(
      String name,
      Method getter,
      boolean required,
      Long min,
      Long max,
      Integer minSize,
      Integer maxSize) {

    void check(Object owner, Path parent, List<String> problems, int depth) {
      Path where = new Path(parent, name, -1);
      Object value;
      try {
        value = getter.invoke(owner);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + where, e);
      }
      if (value == null) {
        if (required) {
          problems.add(where + " is missing");
        }
        return;
      }
      if (value instanceof Number number) {
        long n = number.longValue();
        if (min != null && n < min) {
          problems.add(where + " must be at least " + min + ", was " + n);
        }
        if (max != null && n > max) {
          problems.add(where + " must be at most " + max + ", was " + n);
        }
      }
      int size = sizeOf(value);
      if (size >= 0) {
        String unit = value instanceof CharSequence ? " characters" : " items";
        if (minSize != null && size < minSize) {
          problems.add(
              where
                  + (minSize == 1 && value instanceof CharSequence
                      ? " must not be empty"
                      : " must have at least " + minSize + unit + ", had " + size));
        }
        if (maxSize != null && maxSize != Integer.MAX_VALUE && size > maxSize) {
          problems.add(where + " must have at most " + maxSize + unit + ", had " + size);
        }
      }
      if (mayHoldProblems(value)) {
        ModelRules.check(value, where, problems, depth + 1);
      }
    }

    private static int sizeOf(Object value) {
      if (value instanceof CharSequence text) {
        return text.length();
      }
      if (value instanceof Collection<?> items) {
        return items.size();
      }
      if (value instanceof Map<?, ?> map) {
        return map.size();
      }
      return -1;
    }
  }
}
