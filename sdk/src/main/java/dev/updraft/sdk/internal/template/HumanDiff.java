package dev.updraft.sdk.internal.template;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * pendulum's {@code diff_for_humans} in English, which Airflow's {@code
 * macros.datetime_diff_for_humans} returns: {@code "3 days ago"}, {@code "in 2 hours"}, or against
 * another date {@code "1 day after"} / {@code "1 week before"}. Rounding follows pendulum's
 * difference formatter (e.g. 22 hours or more round a day up).
 */
final class HumanDiff {
  private HumanDiff() {}

  /**
   * Describes {@code dt} relative to {@code other}.
   *
   * @param relativeToNow whether {@code other} is "now" ("ago"/"in") or a given date
   *     ("before"/"after")
   */
  static String describe(ZonedDateTime dt, ZonedDateTime other, boolean relativeToNow) {
    boolean future = dt.isAfter(other);
    ZonedDateTime start = (future ? other : dt).withZoneSameInstant(ZoneOffset.UTC);
    ZonedDateTime end = (future ? dt : other).withZoneSameInstant(ZoneOffset.UTC);

    long totalMonths = ChronoUnit.MONTHS.between(start, end);
    ZonedDateTime cursor = start.plusMonths(totalMonths);
    long days = ChronoUnit.DAYS.between(cursor, end);
    Duration rest = Duration.between(cursor.plusDays(days), end);
    long years = totalMonths / 12;
    long months = totalMonths % 12;
    long weeks = days / 7;
    long remainingDays = days % 7;
    long hours = rest.toHours();
    long minutes = rest.toMinutesPart();
    long seconds = rest.toSecondsPart();

    String unit;
    long count;
    if (years > 0) {
      unit = "year";
      count = years + (months > 6 ? 1 : 0);
    } else if (months == 11 && days > 15) {
      unit = "year";
      count = 1;
    } else if (months > 0) {
      unit = "month";
      count = months + (days >= 27 ? 1 : 0);
    } else if (weeks > 0) {
      unit = "week";
      count = weeks + (remainingDays > 3 ? 1 : 0);
    } else if (remainingDays > 0) {
      unit = "day";
      count = remainingDays + (hours >= 22 ? 1 : 0);
    } else if (hours > 0) {
      unit = "hour";
      count = hours;
    } else if (minutes > 0) {
      unit = "minute";
      count = minutes;
    } else if (seconds > 10) {
      unit = "second";
      count = seconds;
    } else {
      return phrase("a few seconds", future, relativeToNow);
    }
    String amount = count + " " + unit + (count == 1 ? "" : "s");
    return phrase(amount, future, relativeToNow);
  }

  private static String phrase(String amount, boolean future, boolean relativeToNow) {
    if (relativeToNow) {
      return future ? "in " + amount : amount + " ago";
    }
    return amount + (future ? " after" : " before");
  }
}
