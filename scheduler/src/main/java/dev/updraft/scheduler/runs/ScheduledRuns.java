package dev.updraft.scheduler.runs;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.NextDagRun;
import dev.updraft.scheduler.runs.internal.AutomatedRuns;
import dev.updraft.scheduler.timetable.DagRunInfo;
import dev.updraft.scheduler.timetable.RunRequestScheduler;
import dev.updraft.sdk.Dag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps scheduled run creation in step with the loaded DAGs and their paused flags: every unpaused
 * DAG on a clock has a {@link RunRequestScheduler} schedule whose requests become {@code dag_run}
 * rows ({@link ScheduledRunCreator}); {@code @continuous} DAGs get their next run whenever none is
 * active ({@link #createContinuousRuns()}); {@code None} DAGs get no runs.
 *
 * <p>Each schedule starts from the DAG's last scheduled or backfill run in the database, so after a
 * restart no run is created twice and the catchup rule decides what was missed: with catchup, every
 * missed run at once; without it, only the most recent.
 *
 * <pre>{@code
 * try (ScheduledRuns runs = ScheduledRuns.open(db)) {
 *   runs.startPolling(Duration.ofSeconds(5)); // paused flags and @continuous
 *   runs.syncDags(bag.dags());                // again whenever the DAG bag changes
 * }
 * }</pre>
 */
public final class ScheduledRuns implements AutoCloseable {
  private final Clock clock;
  private final AutomatedRuns automated;
  private final DagRepository dags;
  private final ScheduledRunCreator creator;
  private final RunRequestScheduler scheduler;
  private final Map<String, DagSchedule> loaded = new ConcurrentHashMap<>();
  private final Map<String, DagSchedule> running = new ConcurrentHashMap<>();
  private ScheduledExecutorService poller;

  private ScheduledRuns(MetadataDatabase db, Clock clock) {
    this.clock = clock;
    this.automated = new AutomatedRuns(db);
    this.dags = new DagRepository(db, clock);
    this.creator = new ScheduledRunCreator(db, clock, this::schedule);
    this.scheduler = RunRequestScheduler.forDatabase(creator, clock, db);
  }

  /**
   * Run creation on {@code db} with the system clock; on PostgreSQL, Quartz's clustered job store
   * in the same database, so several schedulers share the work.
   */
  public static ScheduledRuns open(MetadataDatabase db) {
    return open(db, Clock.systemUTC());
  }

  /** As {@link #open(MetadataDatabase)}, with {@code clock} deciding what is due. */
  public static ScheduledRuns open(MetadataDatabase db, Clock clock) {
    return new ScheduledRuns(db, clock);
  }

  /** What a sync did. */
  public record SyncResult(List<String> scheduled, Map<String, String> invalidSchedules) {}

  /**
   * Makes {@code current} the set of loaded DAGs: DAGs no longer in it stop, new and changed ones
   * (re)start, and paused flags are read afresh. A DAG whose schedule is invalid is left out and
   * named in the result.
   */
  public synchronized SyncResult syncDags(Collection<Dag> current) {
    List<DagSchedule> schedules = new ArrayList<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    for (Dag dag : current) {
      try {
        schedules.add(DagSchedule.of(dag));
      } catch (IllegalArgumentException e) {
        invalid.put(dag.dagId(), e.getMessage());
      }
    }
    sync(schedules);
    return new SyncResult(scheduledDagIds(), invalid);
  }

  /** As {@link #syncDags}, for schedules already made. */
  public synchronized void sync(Collection<DagSchedule> current) {
    Map<String, DagSchedule> next = new HashMap<>();
    current.forEach(schedule -> next.put(schedule.dagId(), schedule));
    loaded.keySet().retainAll(next.keySet());
    loaded.putAll(next);
    refresh();
  }

  /**
   * Reads the paused flags again: pausing stops a DAG's runs, unpausing resumes them from its last
   * automated run. Call it when a DAG may have been paused or unpaused elsewhere (the CLI, the
   * API); {@link #startPolling} does.
   */
  public synchronized void refresh() {
    for (String dagId : List.copyOf(running.keySet())) {
      if (!loaded.containsKey(dagId)) {
        stop(dagId);
      }
    }
    for (DagSchedule schedule : loaded.values()) {
      boolean wanted = !schedule.isManualOnly() && !automated.isPaused(schedule.dagId());
      if (!wanted) {
        if (running.containsKey(schedule.dagId())) {
          stop(schedule.dagId());
        }
      } else if (!schedule.equals(running.get(schedule.dagId()))) {
        start(schedule);
      }
    }
  }

  private void start(DagSchedule schedule) {
    String dagId = schedule.dagId();
    Instant last = automated.lastAutomatedLogicalDate(dagId).orElse(null);
    running.put(dagId, schedule);
    if (schedule.isContinuous()) {
      scheduler.unschedule(dagId);
    } else {
      scheduler.schedule(dagId, schedule.timetable(), schedule.catchup(), last);
    }
    dags.setNextDagRun(dagId, nextRun(schedule, last));
  }

  private void stop(String dagId) {
    running.remove(dagId);
    scheduler.unschedule(dagId);
  }

  private NextDagRun nextRun(DagSchedule schedule, Instant last) {
    return schedule
        .timetable()
        .nextDagRun(last, clock.instant(), schedule.catchup())
        .map(ScheduledRunCreator::next)
        .orElse(NextDagRun.none());
  }

  /**
   * Creates the next run of each unpaused {@code @continuous} DAG that has no queued or running run
   * (backfills aside), as Airflow 3 does with its one active run.
   *
   * @return how many runs were created
   */
  public synchronized int createContinuousRuns() {
    int created = 0;
    Instant now = clock.instant();
    for (DagSchedule schedule : running.values()) {
      if (!schedule.isContinuous() || automated.activeNonBackfillRuns(schedule.dagId()) > 0) {
        continue;
      }
      Instant last = automated.lastAutomatedLogicalDate(schedule.dagId()).orElse(null);
      Optional<DagRunInfo> next = schedule.timetable().nextDagRun(last, now, schedule.catchup());
      if (next.isPresent()
          && !next.get().runAfter().isAfter(now)
          && creator.create(schedule.dagId(), next.get()) == ScheduledRunCreator.Outcome.CREATED) {
        created++;
      }
    }
    return created;
  }

  /**
   * Every {@code every}, reads paused flags again and creates due {@code @continuous} runs, on a
   * daemon thread; stopped by {@link #close()}.
   */
  public synchronized void startPolling(Duration every) {
    if (poller != null) {
      throw new IllegalStateException("already polling");
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "updraft-scheduled-runs");
              thread.setDaemon(true);
              return thread;
            });
    poller.scheduleWithFixedDelay(
        this::poll, 0, Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      refresh();
      createContinuousRuns();
    } catch (RuntimeException e) {
      // The database may be briefly unreachable; the next poll tries again.
    }
  }

  /** The DAGs whose runs are being created now (unpaused, with a schedule), by id. */
  public List<String> scheduledDagIds() {
    return running.keySet().stream().sorted().toList();
  }

  private Optional<DagSchedule> schedule(String dagId) {
    return Optional.ofNullable(running.get(dagId));
  }

  /** Stops polling and the run-request scheduler; runs already created stay. */
  @Override
  public void close() {
    synchronized (this) {
      if (poller != null) {
        poller.shutdownNow();
      }
    }
    scheduler.close();
  }
}
