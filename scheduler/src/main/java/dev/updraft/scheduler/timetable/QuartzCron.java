package dev.updraft.scheduler.timetable;

import com.cronutils.mapper.CronMapper;
import dev.updraft.sdk.internal.schedule.CronExpressions;
import java.util.List;

/**
 * Translates Airflow's 5-field cron expressions into Quartz's (seconds first, {@code ?} for the
 * unused day field, Sunday = 1, a trailing year) with cron-utils' mapper.
 *
 * <p>Quartz cannot restrict both the day of month and the day of week, while Unix cron and Airflow
 * then run on days matching <em>either</em>; {@link #toQuartzAll} expresses such a schedule as two
 * Quartz expressions whose fire times together are the original's.
 */
public final class QuartzCron {
  private static final CronMapper UNIX_TO_QUARTZ = CronMapper.fromUnixToQuartz();
  private static final int DAY_OF_MONTH = 2;
  private static final int DAY_OF_WEEK = 4;

  private QuartzCron() {}

  /**
   * The Quartz expression for {@code unixCron}, e.g. {@code 0 0 * * 0} → {@code 0 0 0 ? * 1 *}.
   *
   * @throws IllegalArgumentException if the expression is invalid, or restricts both day fields
   *     (use {@link #toQuartzAll})
   */
  public static String toQuartz(String unixCron) {
    return UNIX_TO_QUARTZ.map(CronExpressions.parse(unixCron)).asString();
  }

  /**
   * The Quartz expressions whose fire times together are {@code unixCron}'s: one, or two when both
   * day fields are restricted (one per day field, the other left open).
   *
   * @throws IllegalArgumentException if the expression is invalid
   */
  public static List<String> toQuartzAll(String unixCron) {
    CronExpressions.parse(unixCron);
    String[] fields = unixCron.trim().split("\\s+");
    if (fields[DAY_OF_MONTH].equals("*") || fields[DAY_OF_WEEK].equals("*")) {
      return List.of(toQuartz(unixCron));
    }
    return List.of(
        toQuartz(withField(fields, DAY_OF_WEEK, "*")),
        toQuartz(withField(fields, DAY_OF_MONTH, "*")));
  }

  private static String withField(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join(" ", copy);
  }
}
