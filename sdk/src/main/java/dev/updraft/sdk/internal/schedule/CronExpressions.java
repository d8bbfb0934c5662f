package dev.updraft.sdk.internal.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * Reads 5-field cron expressions as Airflow does (minute, hour, day of month, month, day of week;
 * names such as {@code MON} and {@code JAN}, ranges, steps, lists), with cron-utils' Unix
 * definition.
 */
public final class CronExpressions {
  private static final CronParser UNIX_PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private CronExpressions() {}

  /** The parsed expression; throws {@link IllegalArgumentException} saying what is wrong. */
  public static Cron parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "a cron expression has 5 fields (minute hour day-of-month month day-of-week), '"
              + expression
              + "' has "
              + fields.length);
    }
    Cron cron = UNIX_PARSER.parse(expression.trim());
    cron.validate();
    return cron;
  }

  /** Why {@code expression} is not a valid cron expression, or empty if it is. */
  public static Optional<String> problem(String expression) {
    try {
      parse(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
