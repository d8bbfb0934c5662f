package dev.updraft.sdk.internal.template;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code datetime.strptime}: translates a Python format into a {@link DateTimeFormatter}
 * and parses with Python's rules (case-insensitive, 1-2 digit fields, missing fields default to
 * 1900-01-01 00:00:00, invalid dates rejected).
 *
 * <p>Supported directives: {@code %Y %y %m %d %H %I %p %M %S %f %j %b %h %B %a %A %z %%}.
 */
final class Strptime {
  private Strptime() {}

  /**
   * Parses {@code text}: a {@link ZonedDateTime} (fixed offset) when the format has {@code %z},
   * otherwise a naive {@link LocalDateTime}.
   *
   * @throws IllegalArgumentException with Python's wording when the text does not match
   */
  static TemporalAccessor parse(String text, String format) {
    DateTimeFormatter formatter = translate(format);
    TemporalAccessor parsed;
    try {
      parsed = formatter.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "time data '" + text + "' does not match format '" + format + "'", e);
    }
    LocalDateTime local = LocalDateTime.from(parsed);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return local.atZone(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
    }
    return local;
  }

  private static DateTimeFormatter translate(String format) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
    Set<ChronoField> seen = EnumSet.noneOf(ChronoField.class);
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        b.appendLiteral(c);
        continue;
      }
      if (i >= format.length()) {
        throw badDirective("%", format);
      }
      char d = format.charAt(i++);
      switch (d) {
        case 'Y' -> field(b, seen, ChronoField.YEAR, 4, 4);
        case 'y' -> {
          // Python maps 69-99 to 1969-1999 and 00-68 to 2000-2068.
          b.appendValueReduced(ChronoField.YEAR, 2, 2, 1969);
          seen.add(ChronoField.YEAR);
        }
        case 'm' -> field(b, seen, ChronoField.MONTH_OF_YEAR, 1, 2);
        case 'd' -> field(b, seen, ChronoField.DAY_OF_MONTH, 1, 2);
        case 'H' -> field(b, seen, ChronoField.HOUR_OF_DAY, 1, 2);
        case 'I' -> field(b, seen, ChronoField.CLOCK_HOUR_OF_AMPM, 1, 2);
        case 'M' -> field(b, seen, ChronoField.MINUTE_OF_HOUR, 1, 2);
        case 'S' -> field(b, seen, ChronoField.SECOND_OF_MINUTE, 1, 2);
        case 'j' -> field(b, seen, ChronoField.DAY_OF_YEAR, 1, 3);
        case 'f' -> {
          b.appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, false);
          seen.add(ChronoField.MICRO_OF_SECOND);
        }
        case 'p' -> {
          b.appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "AM", 1L, "PM"));
          seen.add(ChronoField.AMPM_OF_DAY);
        }
        case 'b', 'h' -> text(b, seen, ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
        case 'B' -> text(b, seen, ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
        case 'a' -> text(b, seen, ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
        case 'A' -> text(b, seen, ChronoField.DAY_OF_WEEK, TextStyle.FULL);
        case 'z' -> {
          // Lenient: accepts Z, +HHMM, +HH:MM and seconds, as Python 3.7+ does.
          b.parseLenient().appendOffset("+HH", "Z").parseStrict();
          seen.add(ChronoField.OFFSET_SECONDS);
        }
        case '%' -> b.appendLiteral('%');
        default -> throw badDirective(String.valueOf(d), format);
      }
    }
    addPythonDefaults(b, seen);
    return b.toFormatter(Locale.ENGLISH)
        .withChronology(IsoChronology.INSTANCE)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static void field(
      DateTimeFormatterBuilder b, Set<ChronoField> seen, ChronoField f, int min, int max) {
    if (min == max) {
      b.appendValue(f, min);
    } else {
      b.appendValue(f, min, max, SignStyle.NOT_NEGATIVE);
    }
    seen.add(f);
  }

  private static void text(
      DateTimeFormatterBuilder b, Set<ChronoField> seen, ChronoField f, TextStyle style) {
    b.appendText(f, style);
    seen.add(f);
  }

  /** Python fills what the format leaves out from 1900-01-01 00:00:00.000000. */
  private static void addPythonDefaults(DateTimeFormatterBuilder b, Set<ChronoField> seen) {
    if (!seen.contains(ChronoField.YEAR)) {
      b.parseDefaulting(ChronoField.YEAR, 1900);
    }
    if (!seen.contains(ChronoField.DAY_OF_YEAR)) {
      if (!seen.contains(ChronoField.MONTH_OF_YEAR)) {
        b.parseDefaulting(ChronoField.MONTH_OF_YEAR, 1);
      }
      if (!seen.contains(ChronoField.DAY_OF_MONTH)) {
        b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
      }
    }
    if (seen.contains(ChronoField.CLOCK_HOUR_OF_AMPM)) {
      if (!seen.contains(ChronoField.AMPM_OF_DAY)) {
        b.parseDefaulting(ChronoField.AMPM_OF_DAY, 0); // %I without %p means AM
      }
    } else if (!seen.contains(ChronoField.HOUR_OF_DAY)) {
      b.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
    }
    if (!seen.contains(ChronoField.MINUTE_OF_HOUR)) {
      b.parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0);
    }
    if (!seen.contains(ChronoField.SECOND_OF_MINUTE)) {
      b.parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0);
    }
    if (!seen.contains(ChronoField.MICRO_OF_SECOND)) {
      b.parseDefaulting(ChronoField.MICRO_OF_SECOND, 0);
    }
  }

  private static IllegalArgumentException badDirective(String directive, String format) {
    return new IllegalArgumentException(
        "'" + directive + "' is a bad directive in format '" + format + "'");
  }
}
