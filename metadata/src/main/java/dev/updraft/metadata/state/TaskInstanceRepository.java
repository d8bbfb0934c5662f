package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlErrors;
import dev.updraft.metadata.state.internal.TaskInstanceRowMapper;
import dev.updraft.metadata.state.internal.TaskInstanceTransitions;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.sdk.TaskState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Task instances ({@code task_instance}), their state machine and their finished tries ({@code
 * task_instance_history}).
 *
 * <p>State changes are optimistic: each reads the row, checks the expected states, and writes only
 * if the row's {@code version} is still the one it read. A writer that lost the race gets {@code
 * false} and can re-read; no update is ever lost.
 */
public final class TaskInstanceRepository {
  private static final TaskInstanceRowMapper MAPPER = new TaskInstanceRowMapper("id");
  private static final TaskInstanceRowMapper HISTORY_MAPPER =
      new TaskInstanceRowMapper("task_instance_id");

  private final MetadataDatabase db;
  private final Clock clock;

  public TaskInstanceRepository(MetadataDatabase db) {
    this(db, Clock.systemUTC());
  }

  /** With {@code clock} stamping {@code updated_at} of created instances. */
  public TaskInstanceRepository(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * {@code states} plus Airflow's "none", for {@code expectedFrom} when an instance may not have a
   * state yet.
   */
  public static Set<TaskState> noStateOr(TaskState... states) {
    Set<TaskState> set = new HashSet<>(Arrays.asList(states));
    set.add(null);
    return Collections.unmodifiableSet(set);
  }

  /**
   * Creates the task instances of a run in one transaction, at version 0.
   *
   * @throws IllegalArgumentException when their run does not exist or one already exists
   */
  public void createForRun(List<TaskInstanceRecord> instances) {
    if (instances.isEmpty()) {
      return;
    }
    Instant now = Times.truncate(clock.instant());
    try {
      db.inTransaction(
          handle -> {
            var batch =
                handle.prepareBatch(
                    "INSERT INTO task_instance (id, "
                        + TaskInstanceRowMapper.SHARED_COLUMNS
                        + ") VALUES (:id, :dagId, :runId, :taskId, :mapIndex, :tryNumber,"
                        + " :maxTries, :state, :startDate, :endDate, :duration, :hostname, :pid,"
                        + " :pool, :poolSlots, :queue, :priorityWeight, :operator, :executor,"
                        + " :queuedDttm, :scheduledDttm, :renderedFields, :note,"
                        + " :externalExecutorId, :updatedAt, 0)");
            for (TaskInstanceRecord ti : instances) {
              bindColumns(batch, ti).bind("updatedAt", Times.arg(now)).add();
            }
            return batch.execute();
          });
    } catch (RuntimeException e) {
      TaskInstanceRecord first = instances.get(0);
      String run = "run '" + first.runId() + "' of DAG '" + first.dagId() + "'";
      if (SqlErrors.isUniqueViolation(e)) {
        throw new IllegalArgumentException(
            "cannot create task instances of " + run + ": one of them already exists", e);
      }
      if (SqlErrors.isForeignKeyViolation(e)) {
        throw new IllegalArgumentException(
            "cannot create task instances of " + run + ": the run does not exist", e);
      }
      throw e;
    }
  }

  private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindColumns(
      S statement, TaskInstanceRecord ti) {
    return statement
        .bind("id", ti.id())
        .bind("dagId", ti.dagId())
        .bind("runId", ti.runId())
        .bind("taskId", ti.taskId())
        .bind("mapIndex", ti.mapIndex())
        .bind("tryNumber", ti.tryNumber())
        .bind("maxTries", ti.maxTries())
        .bind("state", ti.state() == null ? null : ti.state().value())
        .bind("startDate", Times.arg(ti.startDate()))
        .bind("endDate", Times.arg(ti.endDate()))
        .bind("duration", ti.duration())
        .bind("hostname", ti.hostname())
        .bind("pid", ti.pid())
        .bind("pool", ti.pool())
        .bind("poolSlots", ti.poolSlots())
        .bind("queue", ti.queue())
        .bind("priorityWeight", ti.priorityWeight())
        .bind("operator", ti.operator())
        .bind("executor", ti.executor())
        .bind("queuedDttm", Times.arg(ti.queuedDttm()))
        .bind("scheduledDttm", Times.arg(ti.scheduledDttm()))
        .bind("renderedFields", ti.renderedFields())
        .bind("note", ti.note())
        .bind("externalExecutorId", ti.externalExecutorId());
  }

  /** The task instance {@code id}, if it exists. */
  public Optional<TaskInstanceRecord> find(UUID id) {
    return db.withHandle(handle -> read(handle, id));
  }

  /** The task instance of {@code taskId} (and {@code mapIndex}) in a run, if it exists. */
  public Optional<TaskInstanceRecord> find(
      String dagId, String runId, String taskId, int mapIndex) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM task_instance WHERE dag_id = :dagId AND run_id = :runId"
                        + " AND task_id = :taskId AND map_index = :mapIndex")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("taskId", taskId)
                .bind("mapIndex", mapIndex)
                .map(MAPPER)
                .findOne());
  }

  /** The task instances of a run, by task id and map index. */
  public List<TaskInstanceRecord> listForRun(String dagId, String runId) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM task_instance WHERE dag_id = :dagId AND run_id = :runId"
                        + " ORDER BY task_id, map_index")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(MAPPER)
                .list());
  }

  /**
   * Whether any of a run's task instances is in one of {@code states} (a {@code null} member, see
   * {@link #noStateOr}, matches those with no state yet). An index probe that stops at the first.
   */
  public boolean anyInState(String dagId, String runId, Set<TaskState> states) {
    // One equality probe per state: H2 cannot use the index's third column for IN or OR.
    return db.withHandle(
        handle -> {
          for (TaskState state : states) {
            String condition = state == null ? "state IS NULL" : "state = :state";
            var query =
                handle
                    .createQuery(
                        "SELECT 1 FROM task_instance WHERE dag_id = :dagId AND run_id = :runId"
                            + " AND "
                            + condition
                            + " LIMIT 1")
                    .bind("dagId", dagId)
                    .bind("runId", runId);
            if (state != null) {
              query.bind("state", state.value());
            }
            if (query.mapTo(Integer.class).findOne().isPresent()) {
              return true;
            }
          }
          return false;
        });
  }

  /**
   * How many of a run's task instances are in each state; the {@code null} key counts those with no
   * state yet. One aggregate query, so the scheduler can tell whether a run needs a closer look.
   */
  public Map<TaskState, Integer> countByState(String dagId, String runId) {
    Map<TaskState, Integer> counts = new HashMap<>();
    db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT state, COUNT(*) AS n FROM task_instance"
                        + " WHERE dag_id = :dagId AND run_id = :runId GROUP BY state")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .map(
                    (rs, ctx) -> {
                      String state = rs.getString("state");
                      counts.put(
                          state == null ? null : TaskState.fromValue(state).orElseThrow(),
                          rs.getInt("n"));
                      return state;
                    })
                .list());
    return counts;
  }

  /**
   * What queued and running task instances take now, per pool and DAG: one aggregate query for the
   * scheduler's pool, parallelism and {@code max_active_tasks} checks.
   */
  public List<ActiveSlots> activeSlots() {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT pool, dag_id, SUM(pool_slots) AS slots, COUNT(*) AS n"
                        + " FROM task_instance WHERE state IN ('queued', 'running')"
                        + " GROUP BY pool, dag_id")
                .map(
                    (rs, ctx) ->
                        new ActiveSlots(
                            rs.getString("pool"),
                            rs.getString("dag_id"),
                            rs.getInt("slots"),
                            rs.getInt("n")))
                .list());
  }

  /**
   * Queued and running task instances of one DAG in one pool.
   *
   * @param pool the pool
   * @param dagId the DAG
   * @param poolSlots the pool slots they take
   * @param instances how many they are
   */
  public record ActiveSlots(String pool, String dagId, int poolSlots, int instances) {}

  /**
   * The instance of {@code taskId} in the DAG's run just before {@code logicalDate} (by logical
   * date), for depends_on_past; empty when there is no earlier run. The instance's state is {@code
   * null} when that run has no instance of the task, or it has no state yet.
   */
  public Optional<PreviousInstance> previousRunState(
      String dagId, String taskId, int mapIndex, Instant logicalDate) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    """
                    SELECT ti.state FROM (
                      SELECT run_id FROM dag_run WHERE dag_id = :dagId
                        AND logical_date < :logicalDate
                      ORDER BY logical_date DESC LIMIT 1) prev
                    LEFT JOIN task_instance ti ON ti.dag_id = :dagId AND ti.run_id = prev.run_id
                      AND ti.task_id = :taskId AND ti.map_index = :mapIndex""")
                .bind("dagId", dagId)
                .bind("taskId", taskId)
                .bind("mapIndex", mapIndex)
                .bind("logicalDate", Times.arg(logicalDate))
                .map(
                    (rs, ctx) -> {
                      String state = rs.getString("state");
                      return new PreviousInstance(
                          state == null ? null : TaskState.fromValue(state).orElseThrow());
                    })
                .findOne());
  }

  /**
   * A task's instance in an earlier run.
   *
   * @param state its state; {@code null} when it has none or does not exist
   */
  public record PreviousInstance(TaskState state) {}

  /** Up to {@code limit} task instances in {@code state}, highest priority weight first. */
  public List<TaskInstanceRecord> listByState(TaskState state, int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    // Ordered as the index ti_state_priority, so H2 reads it in order too.
                    "SELECT * FROM task_instance WHERE state = :state"
                        + " ORDER BY state, priority_weight DESC, id LIMIT :limit")
                .bind("state", state.value())
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * Records that the running try of {@code id} was alive at {@code at}. Does not bump the row's
   * version, so a heartbeat never makes another writer's compare-and-set fail.
   *
   * @return whether the instance is still running
   */
  public boolean heartbeat(UUID id, Instant at) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE task_instance SET last_heartbeat_at = :at"
                            + " WHERE id = :id AND state = 'running'")
                    .bind("at", Times.arg(at))
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /**
   * Stores the rendered template fields (JSON) of the running try of {@code id}, as a task runner
   * reports them before its final state. Does not bump the version, like {@link #heartbeat}.
   *
   * @return whether the instance is still running
   */
  public boolean setRenderedFields(UUID id, String json) {
    return db.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE task_instance SET rendered_fields = :json"
                            + " WHERE id = :id AND state = 'running'")
                    .bind("json", json)
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /** When the running try of {@code id} last heartbeated, if it is running and has. */
  public Optional<Instant> lastHeartbeat(UUID id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT last_heartbeat_at FROM task_instance"
                        + " WHERE id = :id AND state = 'running'")
                .bind("id", id)
                .map((rs, ctx) -> Times.get(rs, "last_heartbeat_at"))
                .findOne()
                .flatMap(Optional::ofNullable));
  }

  /**
   * Up to {@code limit} running task instances whose last heartbeat is older than {@code cutoff}
   * (Airflow's zombies), oldest first.
   */
  public List<TaskInstanceRecord> listRunningSilentSince(Instant cutoff, int limit) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM task_instance WHERE state = 'running'"
                        + " AND (last_heartbeat_at < :cutoff"
                        + " OR (last_heartbeat_at IS NULL AND updated_at < :cutoff))"
                        + " ORDER BY last_heartbeat_at, id LIMIT :limit")
                .bind("cutoff", Times.arg(cutoff))
                .bind("limit", limit)
                .map(MAPPER)
                .list());
  }

  /**
   * Moves task instance {@code id} from one of {@code expectedFrom} to {@code to}, writing the
   * state, the dates the change implies and {@code details} in one transaction.
   *
   * <p>Moving to {@code scheduled} starts a new try ({@code try_number} + 1, the previous try's
   * dates cleared) unless a rescheduled or deferred try resumes; {@link
   * TransitionDetails#asNewTry()} forces one. Moving to a finished state or {@code up_for_retry}
   * copies the try into {@code task_instance_history}.
   *
   * @param expectedFrom the states the instance must be in; a {@code null} member (see {@link
   *     #noStateOr}) matches an instance with no state yet
   * @return whether the change applied; false when the instance is gone, is in another state, is
   *     not at {@link TransitionDetails#expectedVersion()}, or another writer changed it between
   *     this read and write
   */
  public boolean transition(
      UUID id, Set<TaskState> expectedFrom, TaskState to, TransitionDetails details) {
    return db.inTransaction(
        handle -> {
          Optional<TaskInstanceRecord> found = read(handle, id);
          if (found.isEmpty() || !matches(expectedFrom, found.get().state())) {
            return false;
          }
          TaskInstanceRecord current = found.get();
          if (details.expectedVersion() != null && details.expectedVersion() != current.version()) {
            return false;
          }
          TaskInstanceRecord next = TaskInstanceTransitions.apply(current, to, details);
          if (!compareAndSet(handle, next, current.version())) {
            return false;
          }
          if (TaskInstanceTransitions.endsTry(to)) {
            recordTry(handle, id, next.tryNumber());
          }
          return true;
        });
  }

  /**
   * Moves {@code current}, as the caller last read it, to {@code to}, without reading it again: the
   * write applies only if the row is still at {@code current}'s version. For a writer that owns the
   * try (an executor that started it), so one statement replaces read-and-write.
   *
   * @return the instance as written, or empty when another writer changed it meanwhile
   */
  public Optional<TaskInstanceRecord> transitionFrom(
      TaskInstanceRecord current, TaskState to, TransitionDetails details) {
    TaskInstanceRecord next = TaskInstanceTransitions.apply(current, to, details);
    return db.inTransaction(
        handle -> {
          if (!compareAndSet(handle, next, current.version())) {
            return Optional.empty();
          }
          if (TaskInstanceTransitions.endsTry(to)) {
            // A try leaving running ends for the first time, so no history row exists yet.
            if (current.state() == TaskState.RUNNING) {
              insertTry(handle, current.id());
            } else {
              recordTry(handle, current.id(), next.tryNumber());
            }
          }
          return Optional.of(next);
        });
  }

  // Set.of(...).contains(null) throws, so look for the null member by iterating.
  private static boolean matches(Set<TaskState> expected, TaskState state) {
    if (state != null) {
      return expected.contains(state);
    }
    for (TaskState candidate : expected) {
      if (candidate == null) {
        return true;
      }
    }
    return false;
  }

  private static final String COMPARE_AND_SET =
      """
      UPDATE task_instance SET try_number = :tryNumber, state = :state,
        start_date = :startDate, end_date = :endDate, duration = :duration,
        hostname = :hostname, pid = :pid, executor = :executor,
        queued_dttm = :queuedDttm, scheduled_dttm = :scheduledDttm,
        rendered_fields = :renderedFields, note = :note,
        external_executor_id = :externalExecutorId, updated_at = :updatedAt,
        last_heartbeat_at = CASE WHEN :running THEN :updatedAt ELSE NULL END,
        version = version + 1
      WHERE id = :id AND version = :version""";

  private static boolean compareAndSet(Handle handle, TaskInstanceRecord next, int version) {
    var update = handle.createUpdate(COMPARE_AND_SET);
    bindCompareAndSet(update, next, version);
    return update.execute() == 1;
  }

  private static void bindCompareAndSet(
      SqlStatement<?> statement, TaskInstanceRecord next, int version) {
    statement
        .bind("tryNumber", next.tryNumber())
        .bind("state", next.state().value())
        .bind("startDate", Times.arg(next.startDate()))
        .bind("endDate", Times.arg(next.endDate()))
        .bind("duration", next.duration())
        .bind("hostname", next.hostname())
        .bind("pid", next.pid())
        .bind("executor", next.executor())
        .bind("queuedDttm", Times.arg(next.queuedDttm()))
        .bind("scheduledDttm", Times.arg(next.scheduledDttm()))
        .bind("renderedFields", next.renderedFields())
        .bind("note", next.note())
        .bind("externalExecutorId", next.externalExecutorId())
        .bind("updatedAt", Times.arg(next.updatedAt()))
        // A try that starts counts as alive now; one that leaves running has no heartbeat.
        .bind("running", next.state() == TaskState.RUNNING)
        .bind("id", next.id())
        .bind("version", version);
  }

  /**
   * Moves each of {@code current} (as read, at its version) to {@code to} in one batch, as {@link
   * #transition} would one by one: an instance changed since it was read is left alone. For the
   * scheduler's bulk moves (none to scheduled, scheduled to queued); a move that ends a try records
   * it in the history too.
   *
   * @return the instances that moved, as written
   */
  public List<TaskInstanceRecord> transitionAll(
      List<TaskInstanceRecord> current, TaskState to, TransitionDetails details) {
    if (current.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        handle -> {
          PreparedBatch batch = handle.prepareBatch(COMPARE_AND_SET);
          List<TaskInstanceRecord> written = new ArrayList<>();
          for (TaskInstanceRecord ti : current) {
            TaskInstanceRecord next = TaskInstanceTransitions.apply(ti, to, details);
            written.add(next);
            bindCompareAndSet(batch, next, ti.version());
            batch.add();
          }
          int[] counts = batch.execute();
          List<TaskInstanceRecord> moved = new ArrayList<>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
              moved.add(written.get(i));
            }
          }
          if (TaskInstanceTransitions.endsTry(to)) {
            for (TaskInstanceRecord ti : moved) {
              recordTry(handle, ti.id(), ti.tryNumber());
            }
          }
          return moved;
        });
  }

  /** Stamps the scheduler job that queued {@code ids} (Airflow's {@code queued_by_job_id}). */
  public void markQueuedBy(Collection<UUID> ids, long jobId) {
    if (ids.isEmpty()) {
      return;
    }
    db.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE task_instance SET queued_by_job_id = :job WHERE id IN (<ids>)")
                .bind("job", jobId)
                .bindList("ids", List.copyOf(ids))
                .execute());
  }

  /**
   * Resets the tries that scheduler jobs not in {@code liveJobIds} left queued (Airflow's {@code
   * adopt_or_reset_orphaned_tasks}): back to no state, so the next pass schedules a new try. A try
   * already running is left to heartbeat checks. Only jobs of {@code jobType} count.
   *
   * @return the instances reset, as they were
   */
  public List<TaskInstanceRecord> resetOrphanedQueued(Collection<Long> liveJobIds, Instant at) {
    return db.inTransaction(
        handle -> {
          List<TaskInstanceRecord> orphans =
              handle
                  .createQuery(
                      "SELECT * FROM task_instance WHERE state = 'queued'"
                          + " AND (queued_by_job_id IS NULL OR queued_by_job_id NOT IN (<live>))"
                          + " FOR UPDATE")
                  .bindList("live", liveJobIds.isEmpty() ? List.of(-1L) : List.copyOf(liveJobIds))
                  .map(MAPPER)
                  .list();
          List<TaskInstanceRecord> reset = new ArrayList<>();
          for (TaskInstanceRecord ti : orphans) {
            int changed =
                handle
                    .createUpdate(
                        "UPDATE task_instance SET state = NULL, queued_by_job_id = NULL,"
                            + " updated_at = :at, version = version + 1"
                            + " WHERE id = :id AND version = :version")
                    .bind("at", Times.arg(Times.truncate(at)))
                    .bind("id", ti.id())
                    .bind("version", ti.version())
                    .execute();
            if (changed == 1) {
              reset.add(ti);
            }
          }
          return reset;
        });
  }

  // One row per try: a try that ends twice (failed, then marked success) keeps its last ending.
  private static void recordTry(Handle handle, UUID id, int tryNumber) {
    handle
        .createUpdate(
            "DELETE FROM task_instance_history"
                + " WHERE task_instance_id = :id AND try_number = :tryNumber")
        .bind("id", id)
        .bind("tryNumber", tryNumber)
        .execute();
    insertTry(handle, id);
  }

  private static void insertTry(Handle handle, UUID id) {
    handle
        .createUpdate(
            "INSERT INTO task_instance_history (task_instance_id, "
                + TaskInstanceRowMapper.SHARED_COLUMNS
                + ") SELECT id, "
                + TaskInstanceRowMapper.SHARED_COLUMNS
                + " FROM task_instance WHERE id = :id")
        .bind("id", id)
        .execute();
  }

  /**
   * Clears task instances of one run, in one transaction, as Airflow's {@code
   * clear_task_instances}: a running instance goes to {@code restarting} (so it is stopped and
   * retried); any other goes back to no state with {@code max_tries = try_number + retries}, so the
   * next try is numbered {@code try_number + 1} and gets the task's retries afresh. Dates stay
   * until the next try starts, as in Airflow.
   *
   * @param retriesByTask the task ids to clear, each with its task's current {@code retries}; a
   *     {@code null} value (the task is no longer in the DAG) keeps {@code max_tries} at least
   *     {@code try_number}
   * @return the instances cleared, as they were before
   */
  public List<TaskInstanceRecord> clear(
      String dagId, String runId, Map<String, Integer> retriesByTask) {
    if (retriesByTask.isEmpty()) {
      return List.of();
    }
    Instant now = Times.truncate(clock.instant());
    return db.inTransaction(
        handle -> {
          List<TaskInstanceRecord> found =
              handle
                  .createQuery(
                      "SELECT * FROM task_instance WHERE dag_id = :dagId AND run_id = :runId"
                          + " AND task_id IN (<taskIds>) ORDER BY task_id, map_index FOR UPDATE")
                  .bind("dagId", dagId)
                  .bind("runId", runId)
                  .bindList("taskIds", List.copyOf(retriesByTask.keySet()))
                  .map(MAPPER)
                  .list();
          for (TaskInstanceRecord ti : found) {
            boolean running = ti.state() == TaskState.RUNNING;
            Integer retries = retriesByTask.get(ti.taskId());
            int maxTries =
                running
                    ? ti.maxTries()
                    : retries != null
                        ? ti.tryNumber() + retries
                        : Math.max(ti.maxTries(), ti.tryNumber());
            handle
                .createUpdate(
                    """
                    UPDATE task_instance SET state = :state, max_tries = :maxTries,
                      external_executor_id = :externalExecutorId, updated_at = :now,
                      version = version + 1
                    WHERE id = :id""")
                .bind("state", running ? TaskState.RESTARTING.value() : null)
                .bind("maxTries", maxTries)
                .bind("externalExecutorId", running ? ti.externalExecutorId() : null)
                .bind("now", Times.arg(now))
                .bind("id", ti.id())
                .execute();
          }
          return found;
        });
  }

  /** The finished tries of task instance {@code id}, oldest first. */
  public List<TaskInstanceHistoryRecord> history(UUID id) {
    return db.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT * FROM task_instance_history WHERE task_instance_id = :id"
                        + " ORDER BY try_number")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new TaskInstanceHistoryRecord(
                            rs.getLong("id"), HISTORY_MAPPER.map(rs, ctx)))
                .list());
  }

  private static Optional<TaskInstanceRecord> read(Handle handle, UUID id) {
    return handle
        .createQuery("SELECT * FROM task_instance WHERE id = :id")
        .bind("id", id)
        .map(MAPPER)
        .findOne();
  }
}
