package dev.updraft.scheduler.timetable;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerUtils;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.OperableTrigger;

/**
 * Wakes up when DAG runs fall due and asks a {@link RunRequestSink} to create them. It owns a
 * Quartz scheduler, with an in-memory job store or Quartz's clustered JDBC store ({@link
 * QuartzJobStore}); Quartz only fires these requests and never runs tasks.
 *
 * <p>What is due is always the {@link Timetable}'s answer for the fire time, so the requests carry
 * Airflow's logical dates and intervals, and each logical date is requested once. Runs that do not
 * follow a clock ({@code None}, {@code @continuous}) are not scheduled here.
 *
 * <p>With the clustered store, each trigger fires on one of the schedulers sharing the database; a
 * fire for a DAG this scheduler has not scheduled (yet) is dropped, and the next fire asks the
 * timetable again. The sink must still tolerate a run that already exists.
 */
public final class RunRequestScheduler implements AutoCloseable {
  private static final String GROUP = "updraft-dag-runs";

  /** The Quartz scheduler name shared by every scheduler of one metadata database. */
  public static final String CLUSTER_NAME = "updraft-run-requests";

  /** The job data key naming the DAG: the only thing a stored job holds. */
  static final String DAG_ID = "dagId";

  private final Scheduler quartz;
  private final RunRequestSink sink;
  private final Clock clock;
  private final Map<String, DueRuns> scheduled = new ConcurrentHashMap<>();

  /** Starts a scheduler with the system clock. */
  public RunRequestScheduler(RunRequestSink sink) {
    this(sink, Clock.systemUTC());
  }

  /**
   * Starts a scheduler.
   *
   * @param clock the start for timetables without a start date
   */
  public RunRequestScheduler(RunRequestSink sink, Clock clock) {
    this(sink, clock, QuartzJobStore.inMemory());
  }

  /**
   * Starts a scheduler on {@code store}.
   *
   * @param clock the start for timetables without a start date
   */
  public RunRequestScheduler(RunRequestSink sink, Clock clock, QuartzJobStore store) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    Properties properties = properties(store);
    try {
      quartz = new StdSchedulerFactory(properties).getScheduler();
      // Quartz hands out one scheduler per name within a JVM; clustered schedulers share a name,
      // so forget this one at once and let the next instance be a scheduler of its own.
      SchedulerRepository.getInstance().remove(quartz.getSchedulerName());
      quartz.setJobFactory((bundle, scheduler) -> new RunRequestJob(scheduled));
      quartz.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler", e);
    }
  }

  /**
   * A scheduler for the metadata database {@code db}: Quartz's clustered JDBC store in it on
   * PostgreSQL (tables from migration V4.1), in memory on H2.
   */
  public static RunRequestScheduler forDatabase(
      RunRequestSink sink, Clock clock, MetadataDatabase db) {
    QuartzJobStore store =
        db.dialect() == Dialect.POSTGRESQL
            ? QuartzJobStore.clusteredPostgres(db.dataSource(), CLUSTER_NAME)
            : QuartzJobStore.inMemory();
    return new RunRequestScheduler(sink, clock, store);
  }

  private static Properties properties(QuartzJobStore store) {
    Properties properties = store.properties();
    properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    properties.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    return properties;
  }

  /**
   * Schedules {@code dagId}'s runs from now on, without catchup, replacing an earlier schedule.
   *
   * @return whether anything was scheduled (see {@link #schedule(String, Timetable, boolean,
   *     Instant)})
   */
  public boolean schedule(String dagId, Timetable timetable) {
    return schedule(dagId, timetable, false, null);
  }

  /**
   * Schedules {@code dagId}'s runs, replacing an earlier schedule of it.
   *
   * @param catchup the DAG's catchup: with it, the first wake-up (at once) requests every run
   *     missed since {@code lastAutomatedLogicalDate} or the start date; without it, that wake-up
   *     requests only what the timetable says is due now (the most recent missed tick)
   * @param lastAutomatedLogicalDate the latest automated run that already exists, or {@code null}
   * @return whether anything was scheduled: false for timetables that do not follow a clock and for
   *     ones with no tick left
   */
  public boolean schedule(
      String dagId, Timetable timetable, boolean catchup, Instant lastAutomatedLogicalDate) {
    unschedule(dagId);
    JobKey key = JobKey.jobKey(dagId, GROUP);
    Instant now = clock.instant();
    List<Trigger> triggers =
        new ArrayList<>(QuartzTriggers.forTimetable(key, timetable, catchup, now));
    if (!triggers.isEmpty()) {
      // Wake once at once: whatever the timetable says is due now (missed runs after a restart).
      triggers.add(QuartzTriggers.once(key, triggers.size(), now));
    }
    triggers.removeIf(RunRequestScheduler::neverFires);
    if (triggers.isEmpty()) {
      return false;
    }
    // Durable, holding only the DAG id, so a stored job outlives its triggers and any scheduler.
    JobDetail job =
        JobBuilder.newJob(RunRequestJob.class)
            .withIdentity(key)
            .usingJobData(DAG_ID, dagId)
            .storeDurably()
            .build();
    scheduled.put(dagId, new DueRuns(dagId, timetable, catchup, lastAutomatedLogicalDate, sink));
    try {
      quartz.scheduleJob(job, new HashSet<>(triggers), true);
    } catch (SchedulerException e) {
      scheduled.remove(dagId).cancel();
      throw new IllegalStateException("cannot schedule DAG '" + dagId + "'", e);
    }
    return true;
  }

  /** Stops {@code dagId}'s requests; once this returns, the sink hears nothing more of it. */
  public void unschedule(String dagId) {
    DueRuns dueRuns = scheduled.remove(dagId);
    if (dueRuns != null) {
      dueRuns.cancel();
    }
    try {
      // deleteJobs removes job and triggers in one store call; deleteJob unschedules trigger by
      // trigger and fails when a one-shot trigger completes (and is removed) in between.
      quartz.deleteJobs(List.of(JobKey.jobKey(dagId, GROUP)));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule DAG '" + dagId + "'", e);
    }
  }

  /** The DAGs scheduled now. */
  public List<String> scheduledDagIds() {
    return scheduled.keySet().stream().sorted().toList();
  }

  private static boolean neverFires(Trigger trigger) {
    return TriggerUtils.computeFireTimes((OperableTrigger) trigger, null, 1).isEmpty();
  }

  /**
   * Stops Quartz, waiting for requests being made to finish. Stored jobs stay: other schedulers
   * sharing a clustered store go on firing them.
   */
  @Override
  public void close() {
    scheduled.values().forEach(DueRuns::cancel);
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the Quartz scheduler", e);
    }
  }
}
