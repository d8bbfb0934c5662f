package dev.updraft.sdk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.sdk.Arg;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.DagValidationException;
import dev.updraft.sdk.Param;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TaskFailException;
import dev.updraft.sdk.TaskSkipException;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import dev.updraft.sdk.task.BashOperator;
import dev.updraft.sdk.task.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DagTestHarnessTest {
  private static final Instant DATE = Instant.parse("2024-03-05T00:00:00Z");

  @Task("numbers")
  static List<Integer> numbers() {
    return List.of(1, 2, 3, 4);
  }

  @Task("total")
  static int total(List<Integer> numbers) {
    return numbers.stream().mapToInt(Integer::intValue).sum();
  }

  static String describe(int total, String unit) {
    return total + " " + unit;
  }

  @Test
  void javaTasksPassTypedXComsDownstream() {
    DagBuilder dag = Dag.builder("xcoms");
    var numbers = dag.task(DagTestHarnessTest::numbers);
    var total = dag.task(DagTestHarnessTest::total, numbers);
    dag.task("describe", DagTestHarnessTest::describe, total, Arg.value("apples"));

    DagRunResult run = DagTestHarness.forDag(dag.build()).logicalDate(DATE).run();

    assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(run.runId()).isEqualTo("manual__2024-03-05T00:00:00+00:00");
    assertThat(run.xcom("total", Integer.class)).contains(10);
    assertThat(run.xcom("describe", String.class)).contains("10 apples");
    assertThat(run.task("describe").tryCount()).isEqualTo(1);
  }

  @Test
  void bashTaskRendersTemplatesAndPushesItsLastLine() {
    DagBuilder dag = Dag.builder("bash").param("who", Param.of("world", "string"));
    dag.bash(
        "echo",
        BashOperator.of(
                "echo first; echo \"hi {{ params.who }} on {{ ds }} in $AIRFLOW_CTX_DAG_ID $EXTRA\"")
            .env(Map.of("EXTRA", "{{ ds_nodash }}"))
            .appendEnv(true));

    DagRunResult run =
        DagTestHarness.forDag(dag.build()).logicalDate(DATE).conf(Map.of("who", "updraft")).run();

    assertThat(run.xcom("echo", String.class))
        .contains("hi updraft on 2024-03-05 in bash 20240305");
    TaskTry taskTry = run.task("echo").tries().get(0);
    assertThat(taskTry.renderedFields()).containsEntry("env.EXTRA", "20240305");
    assertThat(taskTry.log()).contains("first");
  }

  @Test
  void bashExitCodesMapToAirflowStates() {
    DagBuilder dag = Dag.builder("codes");
    dag.bash("skips", "exit 99");
    dag.bash("fails", "exit 3");
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(run.state("skips")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("fails")).isEqualTo(TaskState.FAILED);
    assertThat(run.task("fails").tries().get(0).error()).contains("non-zero exit code 3");
    assertThat(run.state()).isEqualTo(DagRunState.FAILED);
  }

  @Test
  void branchSkipsTheBranchesNotTakenAndJoinRuns() {
    DagBuilder dag = Dag.builder("branching");
    var branch = dag.branch("choose", context -> List.of("left"));
    var left = dag.empty("left");
    var right = dag.empty("right");
    var afterRight = dag.empty("after_right");
    var join = dag.empty("join").triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS);
    branch.then(List.of(left, right));
    right.then(afterRight);
    left.then(join);
    afterRight.then(join);

    DagRunResult run = DagTestHarness.forDag(dag.build()).run();

    assertThat(run.state("left")).isEqualTo(TaskState.SUCCESS);
    assertThat(run.state("right")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("after_right")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("join")).isEqualTo(TaskState.SUCCESS);
    assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
  }

  @Test
  void branchChoosingATaskThatIsNotDownstreamFails() {
    DagBuilder dag = Dag.builder("bad_branch");
    dag.branch("choose", context -> List.of("nowhere")).then(dag.empty("a"));
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(run.state("choose")).isEqualTo(TaskState.FAILED);
    assertThat(run.task("choose").tries().get(0).error()).contains("[nowhere]");
    assertThat(run.state("a")).isEqualTo(TaskState.UPSTREAM_FAILED);
  }

  @Test
  void shortCircuitSkipsEverythingDownstreamByDefault() {
    DagBuilder dag = Dag.builder("short");
    var check = dag.shortCircuit("check", context -> false);
    var next = dag.empty("next");
    var always = dag.empty("always").triggerRule(TriggerRule.ALL_DONE);
    check.then(next).then(always);
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(run.state("next")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("always")).isEqualTo(TaskState.SKIPPED);
  }

  @Test
  void shortCircuitRespectingTriggerRulesSkipsOnlyDirectDownstream() {
    DagBuilder dag = Dag.builder("short_rules");
    var check = dag.shortCircuitRespectingTriggerRules("check", context -> false);
    var next = dag.empty("next");
    var always = dag.empty("always").triggerRule(TriggerRule.ALL_DONE);
    check.then(next).then(always);
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(run.state("next")).isEqualTo(TaskState.SKIPPED);
    assertThat(run.state("always")).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void failedTaskIsRetriedAfterItsDelayAndAllDoneRunsAfterAFailure() {
    AtomicInteger calls = new AtomicInteger();
    DagBuilder dag = Dag.builder("retries");
    var flaky =
        dag.task(
                "flaky",
                () -> {
                  if (TaskContext.current().tryNumber() == 1) {
                    calls.incrementAndGet();
                    throw new IllegalStateException("first try fails");
                  }
                  return calls.incrementAndGet();
                })
            .retries(2)
            .retryDelay(Duration.ofMillis(300));
    var doomed = dag.bash("doomed", "exit 1");
    var cleanup = dag.empty("cleanup").triggerRule(TriggerRule.ALL_DONE);
    var strict = dag.empty("strict");
    flaky.then(cleanup);
    doomed.then(cleanup);
    doomed.then(strict);

    DagRunResult run = DagTestHarness.forDag(dag.build()).run();

    TaskInstanceResult flakyResult = run.task("flaky");
    assertThat(flakyResult.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(flakyResult.tries())
        .extracting(TaskTry::state)
        .containsExactly(TaskState.UP_FOR_RETRY, TaskState.SUCCESS);
    assertThat(
            Duration.between(
                flakyResult.tries().get(0).endDate(), flakyResult.tries().get(1).startDate()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(run.state("cleanup")).isEqualTo(TaskState.SUCCESS);
    assertThat(run.state("strict")).isEqualTo(TaskState.UPSTREAM_FAILED);
    assertThat(run.state()).isEqualTo(DagRunState.FAILED); // a leaf, "strict", did not succeed
  }

  @Test
  void taskFailExceptionFailsWithoutRetryAndSkipExceptionSkips() {
    DagBuilder dag = Dag.builder("exceptions");
    dag.task(
            "fail_fast",
            () -> {
              throw new TaskFailException("bad input, retrying will not help");
            })
        .retries(3)
        .retryDelay(Duration.ZERO);
    dag.task(
        "skip_me",
        () -> {
          throw new TaskSkipException("nothing to do today");
        });
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(run.task("fail_fast").tryCount()).isEqualTo(1);
    assertThat(run.state("fail_fast")).isEqualTo(TaskState.FAILED);
    assertThat(run.state("skip_me")).isEqualTo(TaskState.SKIPPED);
  }

  @Test
  void executionTimeoutStopsTheTryAndItsProcess() {
    DagBuilder dag = Dag.builder("timeouts");
    dag.bash("sleepy", "sleep 30").executionTimeout(Duration.ofMillis(500));
    long start = System.nanoTime();
    DagRunResult run = DagTestHarness.forDag(dag.build()).run();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(run.state("sleepy")).isEqualTo(TaskState.FAILED);
    assertThat(run.task("sleepy").tries().get(0).error()).contains("execution_timeout");
  }

  @Test
  void confOfTheWrongTypeForAParamIsRejectedBeforeAnythingRuns() {
    DagBuilder dag = Dag.builder("params").param("n", Param.of(1, "integer"));
    dag.empty("t");
    assertThatThrownBy(() -> DagTestHarness.forDag(dag.build()).conf(Map.of("n", "one")).run())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'n'")
        .hasMessageContaining("integer");
  }

  @Test
  void invalidDagIsRejectedWithEveryProblem() {
    DagBuilder dag = Dag.builder("bad");
    var a = dag.empty("a");
    a.then(dag.empty("b")).then(a);
    assertThatThrownBy(() -> DagTestHarness.forDag(dag.build()))
        .isInstanceOf(DagValidationException.class)
        .hasMessageContaining("cycle: a >> b >> a");
  }

  @Test
  void runTaskIgnoresUpstreamTasks() {
    DagBuilder dag = Dag.builder("single");
    dag.bash("first", "exit 1").then(dag.bash("second", "echo {{ task.task_id }}"));
    DagRunResult run = DagTestHarness.forDag(dag.build()).runTask("second");
    assertThat(run.tasks()).containsOnlyKeys("second");
    assertThat(run.xcom("second", String.class)).contains("second");
  }
}
