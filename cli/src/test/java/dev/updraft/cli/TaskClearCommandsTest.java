package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tasks states-for-dag-run} and {@code tasks clear} on a run {@code dags test} recorded. */
class TaskClearCommandsTest {
  private static final String RUN = "manual__2024-01-01T00:00:00+00:00";

  @TempDir Path home;
  CliRunner cli;

  @BeforeEach
  void recordARun() throws Exception {
    cli = new CliRunner(home);
    CliRunner.Outcome test = cli.run("dags", "test", "hello_world", "--logical-date", "2024-01-01");
    assertThat(test.exitCode()).as(test.err()).isZero();
  }

  private Map<String, Map<String, Object>> states() throws Exception {
    CliRunner.Outcome outcome =
        cli.run("tasks", "states-for-dag-run", "hello_world", RUN, "-o", "json");
    assertThat(outcome.exitCode()).as(outcome.err()).isZero();
    List<Map<String, Object>> rows = new ObjectMapper().readValue(outcome.out(), List.class);
    Map<String, Map<String, Object>> byTask = new LinkedHashMap<>();
    rows.forEach(row -> byTask.put((String) row.get("task_id"), row));
    return byTask;
  }

  @Test
  void statesForDagRunShowsEachTasksStateAndTry() throws Exception {
    Map<String, Map<String, Object>> states = states();
    assertThat(states.keySet()).first().isEqualTo("say_hello");
    assertThat(states.get("flaky_fetch"))
        .containsEntry("state", "success")
        .containsEntry("try_number", 2)
        .containsEntry("logical_date", "2024-01-01T00:00:00+00:00")
        .containsEntry("dag_id", "hello_world");
    assertThat(states.get("odd_letters"))
        .containsEntry("state", "skipped")
        .containsEntry("try_number", 0);
    assertThat(states.get("always_fails")).containsEntry("state", "failed");
    assertThat(states.get("cleanup")).containsEntry("state", "success");
  }

  @Test
  void clearWithoutYesOnlyListsWhatItWouldClear() throws Exception {
    CliRunner.Outcome dryRun = cli.run("tasks", "clear", "hello_world", "-t", "always_fails", "-d");
    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.out())
        .contains("You are about to clear these 2 task instance(s)")
        .contains("always_fails")
        .contains("cleanup")
        .contains("pass --yes");
    assertThat(states().get("always_fails")).containsEntry("state", "failed");
    assertThat(cli.run("dags", "state", "hello_world", RUN).out().trim()).isEqualTo("success");
  }

  @Test
  void clearResetsTheMatchedTasksAndTheirDownstreamAndQueuesTheRun() throws Exception {
    CliRunner.Outcome clear =
        cli.run("tasks", "clear", "hello_world", "-t", "always_fails", "-d", "--yes");
    assertThat(clear.exitCode()).as(clear.err()).isZero();
    assertThat(clear.out()).contains("Cleared 2 task instance(s) in 1 run(s)");

    Map<String, Map<String, Object>> states = states();
    assertThat(states.get("always_fails"))
        .containsEntry("state", null)
        .containsEntry("try_number", 1);
    assertThat(states.get("cleanup")).containsEntry("state", null);
    assertThat(states.get("flaky_fetch")).containsEntry("state", "success");
    assertThat(states.get("odd_letters")).containsEntry("state", "skipped");
    assertThat(states.get("say_hello")).containsEntry("state", "success");
    assertThat(cli.run("dags", "state", "hello_world", RUN).out().trim()).isEqualTo("queued");

    try (MetadataDatabase db = cli.database()) {
      TaskInstanceRecord failed =
          new TaskInstanceRepository(db).find("hello_world", RUN, "always_fails", -1).orElseThrow();
      // The next try is number 2 and may run: max_tries = try_number + retries (0).
      assertThat(failed.maxTries()).isEqualTo(1);
    }
  }

  @Test
  void onlyFailedAndDateRangesNarrowTheClear() {
    assertThat(cli.run("tasks", "clear", "hello_world", "-f", "--yes").out())
        .contains("Cleared 1 task instance(s)");
    assertThat(cli.run("tasks", "clear", "hello_world", "-s", "2024-02-01", "--yes").out())
        .contains("No task instances to clear");
  }
}
