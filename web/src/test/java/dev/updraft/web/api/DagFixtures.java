package dev.updraft.web.api;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** DAGs and rows the DAG endpoint tests share: runs and task instances written directly. */
final class DagFixtures {
  private DagFixtures() {}

  /** {@code etl_daily}: three tasks, tagged etl and daily, owned by alice. */
  static DagBuilder etlDaily() {
    DagBuilder dag =
        Dag.builder("etl_daily")
            .schedule("0 0 * * *")
            .startDate("2025-01-01")
            .catchup(false)
            .tags("etl", "daily")
            .owner("alice")
            .description("Nightly load")
            .docMd("# ETL")
            .param("limit", 10)
            .dagrunTimeout(Duration.ofHours(2));
    var extract =
        dag.bash("extract", "echo extract")
            .retries(3)
            .retryDelay(Duration.ofSeconds(90_061).plusMillis(5))
            .executionTimeout(Duration.ofMinutes(10))
            .pool("default_pool")
            .priorityWeight(5);
    var load = dag.empty("load").retries(0);
    extract.then(load);
    extract.then(dag.empty("audit"));
    return dag;
  }

  /** {@code etl_hourly}: tagged etl and hourly, owned by bob. */
  static DagBuilder etlHourly() {
    DagBuilder dag = Dag.builder("etl_hourly").tags("etl", "hourly").owner("bob");
    dag.empty("only");
    return dag;
  }

  /** {@code reports}: no tags, owned by carol. */
  static DagBuilder reports() {
    DagBuilder dag = Dag.builder("reports").owner("carol");
    dag.empty("render");
    return dag;
  }

  /** The three DAGs above, as the DAG listing tests load them. */
  static DagBuilder[] etlAndReports() {
    return new DagBuilder[] {etlDaily(), etlHourly(), reports()};
  }

  /** Writes a run of {@code dagId} in {@code state}, started at {@code start} (may be null). */
  static void run(
      MetadataDatabase db, String dagId, String runId, String state, Instant start, Instant end) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO dag_run (dag_id, run_id, run_type, state, run_after, start_date,"
                        + " end_date, created_at, updated_at) VALUES (:dagId, :runId, 'manual',"
                        + " :state, :now, :start, :end, :now, :now)")
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("state", state)
                .bind("now", now)
                .bind("start", Times.arg(start))
                .bind("end", Times.arg(end))
                .execute());
  }

  /** Writes a task instance of a run in {@code state}. */
  static void taskInstance(
      MetadataDatabase db, String dagId, String runId, String taskId, String state) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO task_instance (id, dag_id, run_id, task_id, pool, state,"
                        + " updated_at) VALUES (:id, :dagId, :runId, :taskId, 'default_pool',"
                        + " :state, :now)")
                .bind("id", UUID.randomUUID())
                .bind("dagId", dagId)
                .bind("runId", runId)
                .bind("taskId", taskId)
                .bind("state", state)
                .bind("now", OffsetDateTime.now(ZoneOffset.UTC))
                .execute());
  }
}
