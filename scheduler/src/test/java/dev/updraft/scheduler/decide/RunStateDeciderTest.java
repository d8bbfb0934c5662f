package dev.updraft.scheduler.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RunStateDeciderTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant NOW = START.plusSeconds(60);

  private static TaskNode node(String id, TaskState state, String... upstream) {
    return new TaskNode(id, state, TriggerRule.ALL_SUCCESS, Set.of(upstream));
  }

  private static TaskNode node(String id, TaskState state, TriggerRule rule, String... upstream) {
    return new TaskNode(id, state, rule, Set.of(upstream));
  }

  private static RunDecision decide(Set<String> leaves, TaskNode... tasks) {
    return RunStateDecider.decide(new RunSnapshot(List.of(tasks), leaves, START, null, NOW));
  }

  /** a -> b, a -> c; leaves b and c. */
  private static RunDecision fork(TaskState a, TaskState b, TaskState c) {
    return decide(Set.of("b", "c"), node("a", a), node("b", b, "a"), node("c", c, "a"));
  }

  @Test
  void allSuccessSucceeds() {
    RunDecision decision = fork(TaskState.SUCCESS, TaskState.SUCCESS, TaskState.SUCCESS);
    assertThat(decision.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(decision.reason()).isEqualTo("success");
    assertThat(decision.taskChanges()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "success,success,skipped,success",
    "success,skipped,skipped,success",
    "skipped,skipped,skipped,success",
    "success,success,failed,failed",
    "success,failed,skipped,failed",
    "failed,upstream_failed,upstream_failed,failed",
    "success,upstream_failed,success,failed",
    // A failed task that is not a leaf does not fail the run by itself.
    "failed,skipped,skipped,success",
  })
  void finishedRunStateFollowsLeaves(String a, String b, String c, String expected) {
    RunDecision decision = fork(state(a), state(b), state(c));
    assertThat(decision.state().value()).isEqualTo(expected);
    assertThat(decision.reason()).isEqualTo(expected.equals("failed") ? "task_failure" : "success");
  }

  @Test
  void leafFinishedButOtherTaskUnfinishedKeepsRunning() {
    // Airflow waits for every task instance, not only the leaves, before settling the run.
    RunDecision decision = fork(TaskState.SUCCESS, TaskState.RUNNING, TaskState.FAILED);
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
    assertThat(decision.reason()).isEqualTo("running");
  }

  @ParameterizedTest
  @EnumSource(
      value = TaskState.class,
      names = {
        "SCHEDULED",
        "QUEUED",
        "RUNNING",
        "RESTARTING",
        "UP_FOR_RETRY",
        "UP_FOR_RESCHEDULE",
        "DEFERRED"
      })
  void inFlightTaskKeepsRunning(TaskState inFlight) {
    RunDecision decision = fork(TaskState.SUCCESS, inFlight, TaskState.SUCCESS);
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
    assertThat(decision.taskChanges()).isEmpty();
  }

  @Test
  void waitingTaskWhoseRuleIsMetKeepsRunning() {
    RunDecision decision = fork(TaskState.SUCCESS, null, TaskState.SUCCESS);
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
  }

  @Test
  void waitingTaskAboutToBeMarkedUpstreamFailedKeepsRunning() {
    // b will be set upstream_failed next loop; the run is not deadlocked.
    RunDecision decision = fork(TaskState.FAILED, null, TaskState.UPSTREAM_FAILED);
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
  }

  @Test
  void freshRunWithNoStatesKeepsRunning() {
    RunDecision decision = fork(null, null, null);
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
  }

  @Test
  void ruleThatCanNeverBeMetIsDeadlock() {
    // all_failed with a removed upstream never settles and is never met.
    RunDecision decision =
        decide(
            Set.of("c"),
            node("a", TaskState.FAILED),
            node("gone", TaskState.REMOVED),
            node("c", null, TriggerRule.ALL_FAILED, "a", "gone"));
    assertThat(decision.state()).isEqualTo(DagRunState.FAILED);
    assertThat(decision.reason()).isEqualTo("deadlock");
    assertThat(decision.taskChanges()).isEmpty();
  }

  @Test
  void chainBehindStuckTaskIsDeadlock() {
    RunDecision decision =
        decide(
            Set.of("d"),
            node("a", TaskState.SUCCESS),
            node("c", null, TriggerRule.ALL_FAILED, "a", "missing"),
            node("d", null, "c"));
    // a succeeded, so all_failed c is skipped: not a deadlock.
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);

    RunDecision stuck =
        decide(
            Set.of("d"),
            node("a", TaskState.FAILED),
            node("c", null, TriggerRule.ALL_FAILED, "a", "missing"),
            node("d", null, "c"));
    assertThat(stuck.state()).isEqualTo(DagRunState.FAILED);
    assertThat(stuck.reason()).isEqualTo("deadlock");
  }

  @Test
  void stuckTaskWithSomethingInFlightIsNotDeadlock() {
    RunDecision decision =
        decide(
            Set.of("c", "r"),
            node("a", TaskState.FAILED),
            node("c", null, TriggerRule.ALL_FAILED, "a", "missing"),
            node("r", TaskState.RUNNING));
    assertThat(decision.state()).isEqualTo(DagRunState.RUNNING);
  }

  @Test
  void timeoutFailsRunAndSkipsUnfinished() {
    RunSnapshot run =
        new RunSnapshot(
            List.of(
                node("a", TaskState.SUCCESS),
                node("b", TaskState.RUNNING, "a"),
                node("c", null, "a"),
                node("d", TaskState.UP_FOR_RETRY, "a"),
                node("e", TaskState.FAILED, "a")),
            Set.of("b", "c", "d", "e"),
            START,
            Duration.ofSeconds(30),
            NOW);
    RunDecision decision = RunStateDecider.decide(run);
    assertThat(decision.state()).isEqualTo(DagRunState.FAILED);
    assertThat(decision.reason()).isEqualTo("timed_out");
    assertThat(decision.taskChanges())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("b", TaskState.SKIPPED, "c", TaskState.SKIPPED, "d", TaskState.SKIPPED));
  }

  @ParameterizedTest
  @CsvSource({"59,true", "60,false", "61,false"})
  void timeoutOnlyWhenStrictlyExceeded(long timeoutSeconds, boolean timedOut) {
    RunSnapshot run =
        new RunSnapshot(
            List.of(node("a", TaskState.RUNNING)),
            Set.of("a"),
            START,
            Duration.ofSeconds(timeoutSeconds),
            NOW);
    assertThat(RunStateDecider.decide(run).reason()).isEqualTo(timedOut ? "timed_out" : "running");
  }

  @Test
  void noTimeoutWithoutStartOrTimeout() {
    TaskNode a = node("a", TaskState.RUNNING);
    assertThat(
            RunStateDecider.decide(
                    new RunSnapshot(List.of(a), Set.of("a"), null, Duration.ZERO, NOW))
                .state())
        .isEqualTo(DagRunState.RUNNING);
    assertThat(
            RunStateDecider.decide(new RunSnapshot(List.of(a), Set.of("a"), START, null, NOW))
                .state())
        .isEqualTo(DagRunState.RUNNING);
  }

  @Test
  void removedTasksAreIgnored() {
    RunDecision decision =
        decide(Set.of("a", "gone"), node("a", TaskState.SUCCESS), node("gone", TaskState.REMOVED));
    assertThat(decision.state()).isEqualTo(DagRunState.SUCCESS);
  }

  @Test
  void runWithoutTasksSucceeds() {
    assertThat(decide(Set.of()).state()).isEqualTo(DagRunState.SUCCESS);
  }

  private static TaskState state(String value) {
    return TaskState.fromValue(value).orElseThrow();
  }
}
