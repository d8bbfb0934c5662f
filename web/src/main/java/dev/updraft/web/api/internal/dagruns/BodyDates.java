package dev.updraft.web.api.internal.dagruns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Datetime fields of request bodies, read as pydantic reads {@code datetime} and {@code
 * AwareDatetime}: a naive value is UTC for the first and refused for the second.
 */
public final class BodyDates {
  private BodyDates() {}

  /**
   * The datetime in {@code field} ({@code null} when absent, JSON null or wrong; then an error is
   * added unless it was absent or null and allowed).
   */
  public static Instant read(
      JsonBody body,
      String field,
      boolean required,
      boolean aware,
      List<Object> loc,
      ValidationErrors errors) {
    JsonNode value = body.raw(field);
    List<Object> at = ValidationErrors.loc(loc, field);
    if (value == null) {
      if (required) {
        errors.add("missing", at, "Field required", body.plain());
      }
      return null;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add("datetime_type", at, "Input should be a valid datetime", JsonBody.plain(value));
      return null;
    }
    String text = value.textValue();
    Instant parsed = ApiTimes.parse(text);
    if (parsed == null) {
      errors.add(
          "datetime_from_date_parsing",
          at,
          "Input should be a valid datetime or date, invalid character in year",
          text);
      return null;
    }
    if (aware && !hasOffset(text)) {
      errors.add("timezone_aware", at, "Input should have timezone info", text);
      return null;
    }
    return parsed;
  }

  private static boolean hasOffset(String text) {
    try {
      OffsetDateTime.parse(text.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
