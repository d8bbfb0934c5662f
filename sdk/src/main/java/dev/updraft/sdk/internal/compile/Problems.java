package dev.updraft.sdk.internal.compile;

import dev.updraft.sdk.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects validation problems so that every check runs and all are reported at once. */
final class Problems {
  private final List<ValidationProblem> found = new ArrayList<>();

  void add(ValidationProblem.Kind kind, String culprit, String message) {
    found.add(new ValidationProblem(kind, culprit, message));
  }

  List<ValidationProblem> list() {
    return List.copyOf(found);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }
}
