package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.DagRunType;
import dev.updraft.sdk.DagRunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backfill create} against the example DAGs ({@code hello_world} is {@code @daily}). */
class BackfillCommandTest {
  private static final String JAN_1 = "backfill__2024-01-01T00:00:00+00:00";
  private static final String JAN_2 = "backfill__2024-01-02T00:00:00+00:00";
  private static final String JAN_3 = "backfill__2024-01-03T00:00:00+00:00";

  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRunner(home);
  }

  private CliRunner.Outcome backfill(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "backfill",
                "create",
                "--dag-id",
                "hello_world",
                "--from",
                "2024-01-01",
                "--to",
                "2024-01-03"));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private static List<Map<String, Object>> rows(MetadataDatabase db, String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapToMap().list());
  }

  @Test
  void createsAQueuedBackfillRunPerDayAndRecordsTheBackfill() {
    CliRunner.Outcome outcome = backfill("--max-active-runs", "2");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains(JAN_1, JAN_2, JAN_3).contains("3 runs queued");

    try (MetadataDatabase db = cli.database()) {
      List<DagRunRecord> runs = new DagRunRepository(db).list("hello_world");
      assertThat(runs).extracting(DagRunRecord::runId).containsExactly(JAN_3, JAN_2, JAN_1);
      assertThat(runs).allMatch(run -> run.runType() == DagRunType.BACKFILL);
      assertThat(runs).allMatch(run -> run.state() == DagRunState.QUEUED);
      assertThat(runs).allMatch(run -> "backfill".equals(run.triggeredBy()));
      assertThat(runs.get(2).logicalDate()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));

      List<Map<String, Object>> backfills =
          rows(db, "SELECT dag_id, max_active_runs, reprocess_behavior FROM backfill");
      assertThat(backfills)
          .containsExactly(
              Map.of("dag_id", "hello_world", "max_active_runs", 2, "reprocess_behavior", "none"));
      assertThat(
              rows(
                  db,
                  "SELECT bdr.sort_ordinal, dr.run_id FROM backfill_dag_run bdr"
                      + " JOIN dag_run dr ON dr.id = bdr.dag_run_id AND dr.backfill_id ="
                      + " bdr.backfill_id ORDER BY bdr.sort_ordinal"))
          .extracting(row -> row.get("run_id"))
          .containsExactly(JAN_1, JAN_2, JAN_3);
    }
  }

  @Test
  void dryRunPrintsTheDatesNewestFirstWhenBackwardsAndWritesNothing() {
    CliRunner.Outcome outcome = backfill("--dry-run", "--run-backwards");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    assertThat(outcome.out())
        .contains("Performing dry run of backfill.")
        .contains("    - reverse = true")
        .contains(
            "Logical dates to be attempted:\n"
                + "    - 2024-01-03T00:00:00+00:00\n"
                + "    - 2024-01-02T00:00:00+00:00\n"
                + "    - 2024-01-01T00:00:00+00:00\n");
    try (MetadataDatabase db = cli.database()) {
      assertThat(new DagRunRepository(db).list("hello_world")).isEmpty();
      assertThat(rows(db, "SELECT id FROM backfill")).isEmpty();
    }
  }

  @Test
  void existingRunsAreKeptUnlessReprocessingAndRunsInFlightAlways() {
    assertThat(cli.run("dags", "trigger", "hello_world", "-l", "2024-01-02").exitCode()).isZero();

    CliRunner.Outcome first = backfill();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("in flight").contains("2 runs queued").contains("1 skipped");

    CliRunner.Outcome busy = backfill();
    assertThat(busy.exitCode()).isEqualTo(1);
    assertThat(busy.err())
        .contains("Another backfill is running for Dag hello_world. There can be only one");

    try (MetadataDatabase db = cli.database()) {
      DagRunRepository runs = new DagRunRepository(db);
      Set<DagRunState> queued = Set.of(DagRunState.QUEUED);
      runs.transition("hello_world", JAN_1, queued, DagRunState.FAILED, Instant.now());
      runs.transition(
          "hello_world",
          "manual__2024-01-02T00:00:00+00:00",
          queued,
          DagRunState.SUCCESS,
          Instant.now());
      runs.transition("hello_world", JAN_3, queued, DagRunState.SUCCESS, Instant.now());
    }
    CliRunner.Outcome dry = backfill("--dry-run", "--reprocess-behavior", "failed");
    assertThat(dry.out()).contains("    - 2024-01-01T00:00:00+00:00").doesNotContain("01-02T");

    CliRunner.Outcome again = backfill("--reprocess-behavior", "completed");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("3 reprocessed");
    try (MetadataDatabase db = cli.database()) {
      DagRunRecord manual =
          new DagRunRepository(db)
              .find("hello_world", "manual__2024-01-02T00:00:00+00:00")
              .orElseThrow();
      assertThat(manual.state()).isEqualTo(DagRunState.QUEUED);
      assertThat(manual.runType())
          .as("Airflow retypes a reprocessed run")
          .isEqualTo(DagRunType.BACKFILL);
    }
  }

  @Test
  void badRequestsAreClearErrors() {
    CliRunner.Outcome reversed =
        cli.run(
            "backfill",
            "create",
            "--dag-id",
            "hello_world",
            "--from",
            "2024-02-01",
            "--to",
            "2024-01-01");
    assertThat(reversed.exitCode()).isEqualTo(1);
    assertThat(reversed.err())
        .contains(
            "from_date (2024-02-01T00:00:00+00:00) must not be after to_date"
                + " (2024-01-01T00:00:00+00:00).");

    CliRunner.Outcome badDate =
        cli.run(
            "backfill",
            "create",
            "--dag-id",
            "hello_world",
            "--from",
            "Jan 1",
            "--to",
            "2024-01-01");
    assertThat(badDate.exitCode()).isEqualTo(1);
    assertThat(badDate.err()).contains("Jan 1");

    CliRunner.Outcome unknown =
        cli.run(
            "backfill", "create", "--dag-id", "nope", "--from", "2024-01-01", "--to", "2024-01-02");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("DAG 'nope' not found");

    CliRunner.Outcome future =
        cli.run(
            "backfill",
            "create",
            "--dag-id",
            "hello_world",
            "--from",
            "2999-01-01",
            "--to",
            "2999-01-02");
    assertThat(future.err()).contains("Backfill cannot be executed for future dates.");

    CliRunner.Outcome behavior = backfill("--reprocess-behavior", "sometimes");
    assertThat(behavior.exitCode()).isEqualTo(1);
    assertThat(behavior.err()).contains("none, failed or completed");
  }
}
