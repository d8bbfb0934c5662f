package dev.updraft.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.XComRepository;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskContext;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.TriggerRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulingLoopTest {
  private static final String BOTH = "dev.updraft.metadata.TestDatabases#both";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path artifacts;

  private final class Harness extends LoopHarness {
    Harness(Dialect dialect, int threads) {
      super(dialect, artifacts, threads, new LoopSettings(16, Duration.ofMillis(10)));
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void chainOfBashAndJavaTasksPassesAnXCom(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
      DagBuilder dag = Dag.builder("chain");
      var echo = dag.bash("echo", "echo hello");
      var upper = dag.task("upper", (String text) -> text.toUpperCase(), echo);
      upper.then(dag.empty("done"));
      h.register(dag);
      h.queue("chain", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.run("chain", "r1").state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(h.states("chain", "r1"))
          .containsOnlyKeys("echo", "upper", "done")
          .allSatisfy((id, state) -> assertThat(state).isEqualTo(TaskState.SUCCESS));
      assertThat(new XComRepository(h.fresh.db()).pull("chain", "r1", "upper", "return_value"))
          .hasValueSatisfying(json -> assertThat(json).contains("HELLO"));
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void failedTryIsRetriedAfterItsDelay(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
      DagBuilder dag = Dag.builder("flaky");
      dag.task(
              "flaky",
              () -> {
                if (TaskContext.current().tryNumber() == 1) {
                  throw new IllegalStateException("first try fails");
                }
                return "ok";
              })
          .retries(1)
          .retryDelay(Duration.ofMillis(100));
      h.register(dag);
      h.queue("flaky", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      TaskInstanceRecord ti = h.tis("flaky", "r1").get("flaky");
      assertThat(ti.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(ti.tryNumber()).isEqualTo(2);
      assertThat(h.instances.history(ti.id()))
          .extracting(r -> r.attempt().state())
          .containsExactly(TaskState.UP_FOR_RETRY, TaskState.SUCCESS);
      assertThat(h.run("flaky", "r1").state()).isEqualTo(DagRunState.SUCCESS);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void failureMarksStrictDownstreamUpstreamFailedAndCleanupStillRuns(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
      DagBuilder dag = Dag.builder("failing");
      var doomed = dag.bash("doomed", "exit 1");
      doomed.then(dag.empty("strict"));
      doomed.then(dag.empty("cleanup").triggerRule(TriggerRule.ALL_DONE));
      h.register(dag);
      h.queue("failing", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.states("failing", "r1"))
          .containsEntry("doomed", TaskState.FAILED)
          .containsEntry("strict", TaskState.UPSTREAM_FAILED)
          .containsEntry("cleanup", TaskState.SUCCESS);
      assertThat(h.run("failing", "r1").state()).isEqualTo(DagRunState.FAILED);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void branchSkipsTheBranchNotTaken(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
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
      h.register(dag);
      h.queue("branching", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.states("branching", "r1"))
          .containsEntry("choose", TaskState.SUCCESS)
          .containsEntry("left", TaskState.SUCCESS)
          .containsEntry("right", TaskState.SKIPPED)
          .containsEntry("after_right", TaskState.SKIPPED)
          .containsEntry("join", TaskState.SUCCESS);
      assertThat(h.run("branching", "r1").state()).isEqualTo(DagRunState.SUCCESS);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void poolWithOneSlotRunsOneTaskAtATime(Dialect dialect) {
    try (Harness h = new Harness(dialect, 3)) {
      new PoolRepository(h.fresh.db()).create("single", 1, "one at a time", false);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      DagBuilder dag = Dag.builder("pooled");
      for (String id : List.of("a", "b", "c")) {
        dag.task(
                id,
                () -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  Thread.sleep(150);
                  running.decrementAndGet();
                  return id;
                })
            .pool("single");
      }
      h.register(dag);
      h.queue("pooled", "r1");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      assertThat(h.run("pooled", "r1").state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(most.get()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void maxActiveRunsOneRunsQueuedRunsOneAfterTheOther(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      DagBuilder dag = Dag.builder("serial").maxActiveRuns(1);
      dag.task(
          "work",
          () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(150);
            running.decrementAndGet();
            return 1;
          });
      h.register(dag);
      h.queue("serial", "r1");
      h.queue("serial", "r2");

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();

      DagRunRecord first = h.run("serial", "r1");
      DagRunRecord second = h.run("serial", "r2");
      assertThat(first.state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(second.state()).isEqualTo(DagRunState.SUCCESS);
      assertThat(most.get()).isEqualTo(1);
      assertThat(second.startDate()).isAfterOrEqualTo(first.endDate());
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void runLockedByAnotherSchedulerIsSkipped(Dialect dialect) {
    try (Harness h = new Harness(dialect, 2)) {
      DagBuilder dag = Dag.builder("locked");
      dag.empty("only");
      h.register(dag);
      h.queue("locked", "r1");

      // Another scheduler's transaction holds the run's row.
      try (Handle other = h.fresh.db().jdbi().open()) {
        other.begin();
        other
            .createQuery("SELECT id FROM dag_run WHERE run_id = 'r1' FOR UPDATE")
            .mapTo(Long.class)
            .one();
        assertThat(h.loop.runOnce(Instant.now())).isZero();
        assertThat(h.run("locked", "r1").state()).isEqualTo(DagRunState.QUEUED);
        other.rollback();
      }

      assertThat(h.loop.runUntilIdle(TIMEOUT)).isTrue();
      assertThat(h.run("locked", "r1").state()).isEqualTo(DagRunState.SUCCESS);
    }
  }
}
