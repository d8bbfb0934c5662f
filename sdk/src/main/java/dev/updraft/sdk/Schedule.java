package dev.updraft.sdk;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * When a DAG runs, as Airflow's {@code schedule} argument says it: none, {@code @once}, {@code
 * @continuous}, a cron preset ({@code @hourly} … {@code @yearly}), a 5-field cron expression, or a
 * fixed interval. An expression is kept as written and checked when the DAG is validated, so a bad
 * one is reported with the DAG's other problems.
 *
 * @param kind what sort of schedule this is
 * @param expression the text as written ({@code null} for none and intervals)
 * @param interval the period of an {@link Kind#INTERVAL} schedule, else {@code null}
 */
public record Schedule(Kind kind, String expression, Duration interval) {

  /** What sort of schedule. */
  public enum Kind {
    /** Only triggered runs (Airflow's {@code schedule=None}). */
    NONE,
    /** One run, at the start date. */
    ONCE,
    /** A new run as soon as the previous one finishes. */
    CONTINUOUS,
    /** A cron preset such as {@code @daily}. */
    PRESET,
    /** A 5-field cron expression. */
    CRON,
    /** A fixed interval (Airflow's {@code timedelta} schedule). */
    INTERVAL
  }

  /** Airflow's cron presets and the cron expression each stands for. */
  public static final Map<String, String> PRESETS =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@quarterly", "0 0 1 */3 *",
          "@yearly", "0 0 1 1 *");

  private static final Schedule NONE = new Schedule(Kind.NONE, null, null);

  /** No schedule: runs only when triggered. */
  public static Schedule none() {
    return NONE;
  }

  /** Every {@code interval}, counted from the start date. */
  public static Schedule every(Duration interval) {
    return new Schedule(Kind.INTERVAL, null, Objects.requireNonNull(interval, "interval"));
  }

  /**
   * Reads Airflow's schedule text: {@code null} or {@code "None"} for none, {@code @once}, {@code
   * @continuous}, a preset, or a cron expression. Never throws: validation reports bad text.
   */
  public static Schedule of(String expression) {
    if (expression == null || expression.isBlank() || expression.equals("None")) {
      return NONE;
    }
    String text = expression.trim();
    return switch (text) {
      case "@once" -> new Schedule(Kind.ONCE, text, null);
      case "@continuous" -> new Schedule(Kind.CONTINUOUS, text, null);
      default -> new Schedule(text.startsWith("@") ? Kind.PRESET : Kind.CRON, text, null);
    };
  }

  /** The cron expression a preset or cron schedule stands for; {@code null} for other kinds. */
  public String cronExpression() {
    return switch (kind) {
      case PRESET -> PRESETS.get(expression);
      case CRON -> expression;
      default -> null;
    };
  }

  /** Whether runs are created by time (anything but none). */
  public boolean isTimed() {
    return kind != Kind.NONE;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "None";
      case INTERVAL -> interval.toString();
      default -> expression;
    };
  }
}
