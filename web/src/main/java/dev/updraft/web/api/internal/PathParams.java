package dev.updraft.web.api.internal;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/** Path parameters read as FastAPI would, with its 422 errors at {@code ["path", name]}. */
public final class PathParams {
  private PathParams() {}

  /**
   * The integer path parameter {@code name}, stripped and read by {@code parser} (such as {@code
   * Long::parseLong}); FastAPI's {@code int_parsing} 422 when it is not one.
   */
  public static <T> T integer(Context ctx, String name, Function<String, T> parser) {
    String raw = ctx.pathParam(name);
    try {
      return parser.apply(raw.strip());
    } catch (NumberFormatException e) {
      ValidationErrors errors = new ValidationErrors();
      errors.add(
          "int_parsing",
          List.of("path", name),
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
      throw errors.toException();
    }
  }
}
