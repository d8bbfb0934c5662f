package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Jobs ({@code job}): each long-running process records itself, heartbeats while alive, and ends.
 * Job types are Airflow's, e.g. {@code SchedulerJob}, {@code TriggererJob}, {@code
 * DagProcessorJob}.
 */
public final class JobRepository {
  /** Reads a {@code job} row; {@link JobListing} shares it. */
  static final RowMapper<JobRecord> MAPPER =
      (rs, ctx) ->
          new JobRecord(
              rs.getLong("id"),
              rs.getString("dag_id"),
              JobState.fromValue(rs.getString("state")),
              rs.getString("job_type"),
              Times.get(rs, "start_date"),
              Times.get(rs, "end_date"),
              Times.get(rs, "latest_heartbeat"),
              rs.getString("executor_class"),
              rs.getString("hostname"),
              rs.getString("unixname"));

  private final MetadataDatabase db;
  private final Clock clock;

  public JobRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping start, heartbeat and end times. */
  public JobRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records a running job of {@code jobType} on {@code hostname}, its first heartbeat now. */
  public JobRecord start(String jobType, String hostname) {
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle -> {
          long id =
              handle
                  .createUpdate(
                      """
                      INSERT INTO job (state, job_type, start_date, latest_heartbeat, hostname,
                        unixname)
                      VALUES (:state, :jobType, :now, :now, :hostname, :unixname)""")
                  .bind("state", JobState.RUNNING.value())
                  .bind("jobType", jobType)
                  .bind("now", Times.arg(now))
                  .bind("hostname", hostname)
                  .bind("unixname", System.getProperty("user.name"))
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          return handle
              .createQuery("SELECT * FROM job WHERE id = :id")
              .bind("id", id)
              .map(MAPPER)
              .one();
        });
  }

  /** Records a heartbeat of running job {@code id}; false if it is not running. */
  public boolean heartbeat(long id) {
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE job SET latest_heartbeat = :now"
                            + " WHERE id = :id AND state = :running")
                    .bind("now", Times.arg(now))
                    .bind("id", id)
                    .bind("running", JobState.RUNNING.value())
                    .execute()
                > 0);
  }

  /** Ends running job {@code id} in {@code state}; false if it is not running. */
  public boolean end(long id, JobState state) {
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE job SET state = :state, end_date = :now"
                            + " WHERE id = :id AND state = :running")
                    .bind("state", state.value())
                    .bind("now", Times.arg(now))
                    .bind("id", id)
                    .bind("running", JobState.RUNNING.value())
                    .execute()
                > 0);
  }

  /**
   * The most recent job of {@code jobType}, as Airflow's {@code most_recent_job}: a running one
   * first, then by latest heartbeat.
   */
  public Optional<JobRecord> latest(String jobType) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM job WHERE job_type = :jobType ORDER BY CASE WHEN state ="
                        + " :running THEN 0 ELSE 1 END, latest_heartbeat DESC, id DESC LIMIT 1")
                .bind("jobType", jobType)
                .bind("running", JobState.RUNNING.value())
                .map(MAPPER)
                .findOne());
  }

  /**
   * Marks running jobs of {@code jobType} whose latest heartbeat is older than {@code cutoff} as
   * failed (Airflow's check for schedulers that died without ending their job), then answers the
   * ids of those still running.
   */
  public List<Long> failSilentAndListRunning(String jobType, Instant cutoff) {
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE job SET state = :failed, end_date = :now WHERE job_type = :jobType"
                      + " AND state = :running AND latest_heartbeat < :cutoff")
              .bind("failed", JobState.FAILED.value())
              .bind("now", Times.arg(now))
              .bind("jobType", jobType)
              .bind("running", JobState.RUNNING.value())
              .bind("cutoff", Times.arg(cutoff))
              .execute();
          return handle
              .createQuery("SELECT id FROM job WHERE job_type = :jobType AND state = :running")
              .bind("jobType", jobType)
              .bind("running", JobState.RUNNING.value())
              .mapTo(Long.class)
              .list();
        });
  }

  /** Job {@code id}, if it exists. */
  public Optional<JobRecord> find(long id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM job WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
  }
}
