package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dags trigger}, {@code list-runs}, {@code state}, {@code pause} and {@code unpause}. */
class DagRunCommandsTest {
  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliRunner(home);
  }

  @Test
  void triggerCreatesAQueuedRunThatListRunsShowsWithItsConf() throws Exception {
    CliRunner.Outcome trigger =
        cli.run("dags", "trigger", "hello_world", "-c", "{\"name\": \"Ada\"}", "-l", "2024-03-01");
    assertThat(trigger.exitCode()).as(trigger.err()).isZero();
    assertThat(trigger.out())
        .contains("manual__2024-03-01T00:00:00+00:00")
        .contains("queued")
        .contains("is paused: it starts once you run `updraft dags unpause hello_world`");

    CliRunner.Outcome list = cli.run("dags", "list-runs", "-d", "hello_world", "-o", "json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    List<Map<String, Object>> rows = new ObjectMapper().readValue(list.out(), List.class);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("dag_id", "hello_world")
        .containsEntry("run_id", "manual__2024-03-01T00:00:00+00:00")
        .containsEntry("state", "queued")
        .containsEntry("run_type", "manual")
        .containsEntry("logical_date", "2024-03-01T00:00:00+00:00")
        .containsEntry("start_date", null);
    assertThat(new ObjectMapper().readValue((String) rows.get(0).get("conf"), Map.class))
        .containsEntry("name", "Ada");

    assertThat(cli.run("dags", "list-runs", "-d", "hello_world", "--state", "success").out())
        .contains("No data found");
    CliRunner.Outcome state =
        cli.run("dags", "state", "hello_world", "manual__2024-03-01T00:00:00+00:00");
    assertThat(state.out().trim()).isEqualTo("queued");
  }

  @Test
  void triggerWithoutALogicalDateNamesTheRunAfterNow() {
    CliRunner.Outcome trigger = cli.run("dags", "trigger", "hello_world", "-o", "json");
    assertThat(trigger.exitCode()).as(trigger.err()).isZero();
    assertThat(trigger.out()).contains("\"run_id\":\"manual__").contains("\"logical_date\":null");
  }

  @Test
  void aDuplicateRunIdIsAClearError() {
    assertThat(cli.run("dags", "trigger", "hello_world", "-r", "mine").exitCode()).isZero();
    CliRunner.Outcome again = cli.run("dags", "trigger", "hello_world", "-r", "mine");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err())
        .contains(
            "cannot create run 'mine' of DAG 'hello_world': a run with this run_id already"
                + " exists");
  }

  @Test
  void unknownDagsAndRunsAndBadConfAreErrors() {
    CliRunner.Outcome unknown = cli.run("dags", "trigger", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("Known DAGs: custom_components, hello_world");
    CliRunner.Outcome badParam = cli.run("dags", "trigger", "hello_world", "-c", "{\"name\": 5}");
    assertThat(badParam.exitCode()).isEqualTo(1);
    assertThat(badParam.err()).contains("conf sets param 'name'");
    CliRunner.Outcome noRun = cli.run("dags", "state", "hello_world", "no_such_run");
    assertThat(noRun.exitCode()).isEqualTo(1);
    assertThat(noRun.err()).contains("DAG run 'no_such_run' of DAG 'hello_world' not found");
  }

  @Test
  void pauseAndUnpauseAreReflectedInTheDagTable() {
    CliRunner.Outcome unpause = cli.run("dags", "unpause", "hello_world");
    assertThat(unpause.exitCode()).as(unpause.err()).isZero();
    assertThat(unpause.out()).contains("Dag: hello_world, paused: False");
    try (MetadataDatabase db = cli.database()) {
      assertThat(new DagRepository(db).find("hello_world").orElseThrow().isPaused()).isFalse();
    }
    assertThat(cli.run("dags", "pause", "hello_world").out())
        .contains("Dag: hello_world, paused: True");
    try (MetadataDatabase db = cli.database()) {
      DagRepository dags = new DagRepository(db);
      assertThat(dags.find("hello_world").orElseThrow().isPaused()).isTrue();
      // The sync wrote every catalog DAG, paused at creation as Airflow's default.
      assertThat(dags.find("custom_components").orElseThrow().isPaused()).isTrue();
      assertThat(new DagRunRepository(db).list("hello_world")).isEmpty();
    }
  }
}
