package dev.updraft.sdk.internal.compile;

import static dev.updraft.sdk.ValidationProblem.Kind.BAD_DATES;
import static dev.updraft.sdk.ValidationProblem.Kind.BAD_PARAM;
import static dev.updraft.sdk.ValidationProblem.Kind.BAD_SCHEDULE;
import static dev.updraft.sdk.ValidationProblem.Kind.BAD_SETTING;
import static dev.updraft.sdk.ValidationProblem.Kind.INVALID_ID;
import static dev.updraft.sdk.ValidationProblem.Kind.MISSING_START_DATE;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Param;
import dev.updraft.sdk.Schedule;
import dev.updraft.sdk.internal.schedule.CronExpressions;
import java.util.regex.Pattern;

/** Checks a DAG's own settings: its id, schedule, dates, params and limits. */
final class DagSettingsCheck {
  /** Airflow's KEY_REGEX for DAG and task ids, and its length limit. */
  static final Pattern ID = Pattern.compile("^[\\w.-]+$");

  static final int MAX_ID_LENGTH = 250;

  private DagSettingsCheck() {}

  static void check(Dag dag, Problems problems) {
    checkId("DAG id", dag.dagId(), problems);
    checkSchedule(dag, problems);
    if (dag.startDate() != null
        && dag.endDate() != null
        && dag.endDate().isBefore(dag.startDate())) {
      problems.add(
          BAD_DATES,
          "end_date",
          "end_date " + dag.endDate() + " is before start_date " + dag.startDate());
    }
    dag.params().forEach((name, param) -> checkParam(name, param, problems));
    positive("max_active_runs", dag.maxActiveRuns(), problems);
    if (dag.schedule().kind() == Schedule.Kind.CONTINUOUS && dag.maxActiveRuns() > 1) {
      problems.add(
          BAD_SETTING,
          "max_active_runs",
          "schedule @continuous allows one active run at a time, but max_active_runs is "
              + dag.maxActiveRuns());
    }
    positive("max_active_tasks", dag.maxActiveTasks(), problems);
    if (dag.dagrunTimeout() != null
        && (dag.dagrunTimeout().isNegative() || dag.dagrunTimeout().isZero())) {
      problems.add(
          BAD_SETTING,
          "dagrun_timeout",
          "dagrun_timeout must be positive, not " + dag.dagrunTimeout());
    }
  }

  static void checkId(String what, String id, Problems problems) {
    if (id == null || !ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
      problems.add(
          INVALID_ID,
          String.valueOf(id),
          what
              + " '"
              + id
              + "' is invalid: use at most "
              + MAX_ID_LENGTH
              + " letters, digits, dashes, dots and underscores");
    }
  }

  private static void checkSchedule(Dag dag, Problems problems) {
    Schedule schedule = dag.schedule();
    switch (schedule.kind()) {
      case PRESET -> {
        if (!Schedule.PRESETS.containsKey(schedule.expression())) {
          problems.add(
              BAD_SCHEDULE,
              schedule.expression(),
              "schedule '"
                  + schedule.expression()
                  + "' is not a preset; use one of @once, @continuous, "
                  + String.join(", ", Schedule.PRESETS.keySet().stream().sorted().toList())
                  + " or a 5-field cron expression");
        }
      }
      case CRON ->
          CronExpressions.problem(schedule.expression())
              .ifPresent(
                  why ->
                      problems.add(
                          BAD_SCHEDULE,
                          schedule.expression(),
                          "schedule '"
                              + schedule.expression()
                              + "' is not a valid cron expression: "
                              + why));
      case INTERVAL -> {
        if (schedule.interval().isNegative() || schedule.interval().isZero()) {
          problems.add(
              BAD_SCHEDULE,
              schedule.toString(),
              "schedule interval must be positive, not " + schedule);
        }
      }
      default -> {}
    }
    if (schedule.isTimed() && dag.startDate() == null) {
      problems.add(
          MISSING_START_DATE,
          "start_date",
          "DAG '" + dag.dagId() + "' has schedule '" + schedule + "' but no start_date");
    }
  }

  private static void checkParam(String name, Param param, Problems problems) {
    if (param.type() != null && !Param.TYPES.contains(param.type())) {
      problems.add(
          BAD_PARAM,
          "params." + name,
          "param '"
              + name
              + "' has unknown type '"
              + param.type()
              + "'; use one of "
              + Param.TYPES);
    } else if (param.defaultValue() != null && !param.accepts(param.defaultValue())) {
      problems.add(
          BAD_PARAM,
          "params." + name,
          "param '"
              + name
              + "' is declared "
              + param.type()
              + " but its default "
              + param.defaultValue()
              + " is a "
              + param.defaultValue().getClass().getSimpleName());
    }
  }

  private static void positive(String setting, int value, Problems problems) {
    if (value < 1) {
      problems.add(BAD_SETTING, setting, setting + " must be at least 1, not " + value);
    }
  }
}
