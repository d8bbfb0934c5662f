package dev.updraft.sdk.internal.template;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Python's {@code datetime.strftime} in the C locale, as CPython on Linux (glibc) formats.
 *
 * <p>Covers the C89 directives plus the glibc ones templates use ({@code %e %F %T %D %R %r %s %u %V
 * %G %g %C %k %l %P %n %t}), Python's {@code %f} and {@code %:z}, and the glibc {@code -} flag that
 * drops padding ({@code %-d}). An unknown directive is copied as-is, as glibc does.
 */
final class Strftime {
  private static final DateTimeFormatter ZONE_NAME =
      DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private Strftime() {}

  /** Formats a time-zone-aware date-time: {@code %z} and {@code %Z} are filled in. */
  static String format(ZonedDateTime dateTime, String pattern) {
    return format(dateTime.toLocalDateTime(), dateTime, pattern);
  }

  /** Formats a naive date-time: {@code %z} and {@code %Z} are empty, as in Python. */
  static String format(LocalDateTime dateTime, String pattern) {
    return format(dateTime, null, pattern);
  }

  private static String format(LocalDateTime local, ZonedDateTime zoned, String pattern) {
    StringBuilder out = new StringBuilder(pattern.length() + 16);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i++);
      if (c != '%' || i >= pattern.length()) {
        out.append(c);
        continue;
      }
      boolean pad = true;
      char directive = pattern.charAt(i++);
      if (directive == '-' && i < pattern.length()) {
        pad = false;
        directive = pattern.charAt(i++);
      } else if (directive == ':' && i < pattern.length() && pattern.charAt(i) == 'z') {
        i++;
        out.append(zoned == null ? "" : offset(zoned.getOffset(), true));
        continue;
      }
      String value = directive(directive, pad, local, zoned);
      if (value == null) {
        // glibc leaves directives it does not know in the output untouched.
        out.append('%').append(pad ? "" : "-").append(directive);
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  private static String directive(char d, boolean pad, LocalDateTime t, ZonedDateTime zoned) {
    return switch (d) {
      case 'Y' -> Integer.toString(t.getYear());
      case 'y' -> num(Math.floorMod(t.getYear(), 100), 2, pad);
      case 'C' -> num(Math.floorDiv(t.getYear(), 100), 2, pad);
      case 'm' -> num(t.getMonthValue(), 2, pad);
      case 'd' -> num(t.getDayOfMonth(), 2, pad);
      case 'e' -> spaced(t.getDayOfMonth(), pad);
      case 'H' -> num(t.getHour(), 2, pad);
      case 'k' -> spaced(t.getHour(), pad);
      case 'I' -> num(hour12(t), 2, pad);
      case 'l' -> spaced(hour12(t), pad);
      case 'M' -> num(t.getMinute(), 2, pad);
      case 'S' -> num(t.getSecond(), 2, pad);
      case 'f' -> num(t.getNano() / 1000, 6, true);
      case 'j' -> num(t.getDayOfYear(), 3, pad);
      case 'p' -> t.getHour() < 12 ? "AM" : "PM";
      case 'P' -> t.getHour() < 12 ? "am" : "pm";
      case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
      case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
      case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
      case 'U' -> num(weekOfYear(t, DayOfWeek.SUNDAY), 2, pad);
      case 'W' -> num(weekOfYear(t, DayOfWeek.MONDAY), 2, pad);
      case 'V' -> num(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, pad);
      case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
      case 'g' -> num(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, pad);
      case 's' ->
          Long.toString(zoned != null ? zoned.toEpochSecond() : t.toEpochSecond(ZoneOffset.UTC));
      case 'z' -> zoned == null ? "" : offset(zoned.getOffset(), false);
      case 'Z' -> zoned == null ? "" : zoneName(zoned);
      case 'c' -> format(t, zoned, "%a %b %e %H:%M:%S %Y");
      case 'x', 'D' -> format(t, zoned, "%m/%d/%y");
      case 'X', 'T' -> format(t, zoned, "%H:%M:%S");
      case 'F' -> format(t, zoned, "%Y-%m-%d");
      case 'R' -> format(t, zoned, "%H:%M");
      case 'r' -> format(t, zoned, "%I:%M:%S %p");
      case 'n' -> "\n";
      case 't' -> "\t";
      case '%' -> "%";
      default -> null;
    };
  }

  private static int hour12(LocalDateTime t) {
    int h = t.getHour() % 12;
    return h == 0 ? 12 : h;
  }

  /** {@code %U}/{@code %W}: weeks before the year's first {@code firstDay} count as week 0. */
  private static int weekOfYear(LocalDateTime t, DayOfWeek firstDay) {
    int dayOfYear = t.getDayOfYear() - 1;
    int daysSinceFirstDay = Math.floorMod(t.getDayOfWeek().getValue() - firstDay.getValue(), 7);
    return (dayOfYear + 7 - daysSinceFirstDay) / 7;
  }

  /** Python's {@code +HHMM[SS]} ({@code %z}) or {@code +HH:MM[:SS]} ({@code %:z}). */
  private static String offset(ZoneOffset offset, boolean colons) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    String sep = colons ? ":" : "";
    String s =
        (total < 0 ? "-" : "+") + num(abs / 3600, 2, true) + sep + num(abs / 60 % 60, 2, true);
    return abs % 60 == 0 ? s : s + sep + num(abs % 60, 2, true);
  }

  private static String zoneName(ZonedDateTime zoned) {
    ZoneId zone = zoned.getZone();
    if (zone.normalized().equals(ZoneOffset.UTC)) {
      return "UTC"; // what pendulum's UTC zone reports
    }
    return zoned.format(ZONE_NAME);
  }

  private static String num(int value, int width, boolean pad) {
    String s = Integer.toString(value);
    return pad && s.length() < width ? "0".repeat(width - s.length()) + s : s;
  }

  private static String spaced(int value, boolean pad) {
    return pad && value < 10 ? " " + value : Integer.toString(value);
  }
}
