package dev.updraft.web.api.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects pydantic v2-shaped validation errors ({@code type}, {@code loc}, {@code msg}, {@code
 * input}, optional {@code ctx}) so one 422 reports every problem, as FastAPI does.
 */
public final class ValidationErrors {
  private final List<Map<String, Object>> errors = new ArrayList<>();

  /** Adds one error at {@code loc}. */
  public void add(String type, List<Object> loc, String msg, Object input) {
    add(type, loc, msg, input, null);
  }

  /** Adds one error at {@code loc} with pydantic's {@code ctx} (e.g. the bound that failed). */
  public void add(
      String type, List<Object> loc, String msg, Object input, Map<String, Object> ctx) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", List.copyOf(loc));
    error.put("msg", msg);
    error.put("input", input);
    if (ctx != null) {
      error.put("ctx", ctx);
    }
    errors.add(error);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The 422 carrying the errors added so far. */
  public ApiException toException() {
    return ApiException.invalid(errors);
  }

  /** Throws the 422 if any error was added. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  /** {@code prefix} followed by {@code more}, for nested locations. */
  public static List<Object> loc(List<Object> prefix, Object... more) {
    List<Object> loc = new ArrayList<>(prefix);
    loc.addAll(List.of(more));
    return loc;
  }

  /** pydantic's list of enum members in a message: {@code 'a', 'b' or 'c'}. */
  public static String choices(java.util.Collection<String> allowed) {
    List<String> quoted = allowed.stream().map(a -> "'" + a + "'").toList();
    if (quoted.size() == 1) {
      return quoted.getFirst();
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.getLast();
  }
}
