package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.JobRecord;
import dev.updraft.metadata.state.JobRepository;
import dev.updraft.metadata.state.JobState;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import java.time.Instant;
import java.util.List;

/**
 * What a scheduler does besides scheduling, each on its own interval: heartbeats its {@code job}
 * row, fails running tries that stopped heartbeating, and resets tries that dead schedulers left
 * queued (Airflow's {@code adopt_or_reset_orphaned_tasks}, done once at start too). Without a job
 * (tests, {@code dags test}) only the heartbeat check runs.
 */
final class Housekeeping {
  /** Airflow's job type for schedulers. */
  static final String SCHEDULER_JOB = "SchedulerJob";

  private static final int SILENT_BATCH = 500;

  private final TaskInstanceRepository instances;
  private final JobRepository jobs;
  private final TryFailures failures;
  private final LoopSettings settings;
  private volatile JobRecord job;
  private Instant lastJobBeat = Instant.MIN;
  private Instant lastSilentCheck = Instant.MIN;
  private Instant lastOrphanCheck = Instant.MIN;

  Housekeeping(
      TaskInstanceRepository instances,
      JobRepository jobs,
      TryFailures failures,
      LoopSettings settings) {
    this.instances = instances;
    this.jobs = jobs;
    this.failures = failures;
    this.settings = settings;
  }

  /** Registers this scheduler's job; from now on tries it queues carry its id. */
  JobRecord startJob(String hostname, Instant now) {
    job = jobs.start(SCHEDULER_JOB, hostname);
    lastJobBeat = now;
    return job;
  }

  /** Ends this scheduler's job, if it has one. */
  void endJob() {
    JobRecord current = job;
    if (current != null) {
      jobs.end(current.id(), JobState.SUCCESS);
    }
  }

  /** This scheduler's job id, or {@code null} without one. */
  Long jobId() {
    JobRecord current = job;
    return current == null ? null : current.id();
  }

  /** Does what is due at {@code now}; how many task instances it changed. */
  int run(Instant now) {
    int changes = 0;
    if (job != null && due(lastJobBeat, settings.schedulerHeartbeat().toMillis(), now)) {
      jobs.heartbeat(job.id());
      lastJobBeat = now;
    }
    if (due(lastSilentCheck, settings.heartbeatCheckInterval().toMillis(), now)) {
      lastSilentCheck = now;
      changes += failSilentTries(now);
    }
    if (job != null && due(lastOrphanCheck, settings.orphanCheckInterval().toMillis(), now)) {
      lastOrphanCheck = now;
      changes += resetOrphans(now);
    }
    return changes;
  }

  private int failSilentTries(Instant now) {
    int failed = 0;
    Instant cutoff = now.minus(settings.taskHeartbeatTimeout());
    for (TaskInstanceRecord ti : instances.listRunningSilentSince(cutoff, SILENT_BATCH)) {
      if (failures.fail(
          ti,
          now,
          "heartbeat_timeout",
          "no heartbeat for longer than " + settings.taskHeartbeatTimeout())) {
        failed++;
      }
    }
    return failed;
  }

  private int resetOrphans(Instant now) {
    List<Long> live =
        jobs.failSilentAndListRunning(
            SCHEDULER_JOB, now.minus(settings.schedulerHealthThreshold()));
    return instances.resetOrphanedQueued(live, now).size();
  }

  private static boolean due(Instant last, long intervalMillis, Instant now) {
    return last == Instant.MIN || !now.isBefore(last.plusMillis(intervalMillis));
  }
}
