package dev.updraft.scheduler.timetable;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Schedule;

/** Picks the timetable for a DAG's schedule, as Airflow 3's {@code _create_timetable} does. */
public final class Timetables {
  private Timetables() {}

  /**
   * The timetable for {@code dag} with Airflow 3's defaults: cron and preset schedules trigger at
   * each tick ({@link CronTriggerTimetable}).
   *
   * @throws IllegalArgumentException if the schedule is invalid, or {@code @continuous} with more
   *     than one active run allowed
   */
  public static Timetable of(Dag dag) {
    return of(dag, false);
  }

  /**
   * The timetable for {@code dag}.
   *
   * @param cronDataIntervals Airflow's {@code [scheduler] create_cron_data_intervals}: when true,
   *     cron and preset schedules get Airflow 2's {@link CronDataIntervalTimetable}
   * @throws IllegalArgumentException if the schedule is invalid, or {@code @continuous} with more
   *     than one active run allowed
   */
  public static Timetable of(Dag dag, boolean cronDataIntervals) {
    Schedule schedule = dag.schedule();
    return switch (schedule.kind()) {
      case NONE -> new NullTimetable();
      case ONCE -> new OnceTimetable(dag.startDate(), dag.endDate());
      case CONTINUOUS -> continuous(dag);
      case PRESET, CRON -> {
        String expression = schedule.cronExpression();
        if (expression == null) {
          throw new IllegalArgumentException(
              "DAG '" + dag.dagId() + "': schedule '" + schedule + "' is not a preset");
        }
        CronSchedule cron = new CronSchedule(expression, dag.timezone());
        yield cronDataIntervals
            ? new CronDataIntervalTimetable(cron, dag.startDate(), dag.endDate())
            : new CronTriggerTimetable(cron, dag.startDate(), dag.endDate());
      }
      case INTERVAL ->
          new DeltaTriggerTimetable(schedule.interval(), dag.startDate(), dag.endDate());
    };
  }

  private static Timetable continuous(Dag dag) {
    if (dag.maxActiveRuns() > ContinuousTimetable.ACTIVE_RUNS_LIMIT) {
      throw new IllegalArgumentException(
          "DAG '"
              + dag.dagId()
              + "': Invalid max_active_runs: ContinuousTimetable requires max_active_runs <= "
              + ContinuousTimetable.ACTIVE_RUNS_LIMIT
              + ", not "
              + dag.maxActiveRuns());
    }
    return new ContinuousTimetable(dag.startDate(), dag.endDate());
  }
}
