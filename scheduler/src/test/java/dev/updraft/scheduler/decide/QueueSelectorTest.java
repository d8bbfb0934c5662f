package dev.updraft.scheduler.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueSelectorTest {
  private static final Instant DAY1 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2024-01-02T00:00:00Z");

  private static Candidate ti(String taskId, int weight, Instant date, int mapIndex) {
    return ti("dag", "run", taskId, weight, date, mapIndex, "default_pool", 1);
  }

  private static Candidate ti(String dagId, String taskId, String pool, int poolSlots) {
    return ti(dagId, "run", taskId, 1, DAY1, -1, pool, poolSlots);
  }

  private static Candidate ti(
      String dagId,
      String runId,
      String taskId,
      int weight,
      Instant date,
      int mapIndex,
      String pool,
      int poolSlots) {
    return new Candidate(
        UUID.randomUUID(), dagId, runId, taskId, weight, date, mapIndex, pool, poolSlots);
  }

  private static Limits limits(int parallelism, Map<String, PoolSlots> pools) {
    return new Limits(parallelism, pools, Map.of(), Map.of());
  }

  private static Limits roomy() {
    return limits(100, Map.of("default_pool", new PoolSlots(128, 128)));
  }

  private static List<String> taskIds(Selection selection) {
    return selection.toQueue().stream().map(Candidate::taskId).toList();
  }

  @Test
  void emptyInputQueuesNothing() {
    Selection selection = QueueSelector.select(List.of(), roomy());
    assertThat(selection.toQueue()).isEmpty();
    assertThat(selection.notQueuedReasons()).isEmpty();
    assertThat(selection.starved()).isEmpty();
  }

  @Test
  void emptyLimitsQueueNothingAndSayWhy() {
    Candidate a = ti("a", 1, DAY1, -1);
    Selection selection =
        QueueSelector.select(List.of(a), new Limits(0, Map.of(), Map.of(), Map.of()));
    assertThat(selection.toQueue()).isEmpty();
    assertThat(selection.notQueuedReasons()).containsKey(a.id());
  }

  @Test
  void higherPriorityWeightFirst() {
    List<Candidate> in = List.of(ti("low", 1, DAY1, -1), ti("high", 10, DAY2, -1));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("high", "low");
  }

  @Test
  void samePriorityEarlierLogicalDateFirst() {
    List<Candidate> in = List.of(ti("later", 5, DAY2, -1), ti("earlier", 5, DAY1, -1));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("earlier", "later");
  }

  @Test
  void samePriorityNullLogicalDateLast() {
    List<Candidate> in = List.of(ti("none", 5, null, -1), ti("dated", 5, DAY2, -1));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("dated", "none");
  }

  @Test
  void samePriorityAndDateLowerMapIndexFirst() {
    List<Candidate> in = List.of(ti("m2", 5, DAY1, 2), ti("m0", 5, DAY1, 0), ti("m1", 5, DAY1, 1));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("m0", "m1", "m2");
  }

  @Test
  void fullTiesKeepInputOrder() {
    List<Candidate> in = List.of(ti("b", 5, DAY1, -1), ti("a", 5, DAY1, -1));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("b", "a");
  }

  @Test
  void priorityBeatsLogicalDate() {
    List<Candidate> in = List.of(ti("old", 1, DAY1, 0), ti("new", 2, DAY2, 5));
    assertThat(taskIds(QueueSelector.select(in, roomy()))).containsExactly("new", "old");
  }

  @Test
  void multiSlotTaskTakesThatManySlots() {
    Candidate big = ti("dag", "big", "p", 3);
    Candidate small1 = ti("dag", "small1", "p", 1);
    Candidate small2 = ti("dag", "small2", "p", 1);
    Selection selection =
        QueueSelector.select(
            List.of(big, small1, small2), limits(10, Map.of("p", new PoolSlots(4, 4))));
    assertThat(taskIds(selection)).containsExactly("big", "small1");
    assertThat(selection.notQueuedReasons().get(small2.id()))
        .isEqualTo("requires 1 slots but pool 'p' has 0 open");
    assertThat(selection.starved()).isEmpty();
  }

  @Test
  void multiSlotTaskSkippedWhenTooFewOpenButLaterSmallerOneFits() {
    Candidate big = ti("dag", "run", "big", 9, DAY1, -1, "p", 2);
    Candidate small = ti("dag", "run", "small", 1, DAY1, -1, "p", 1);
    Selection selection =
        QueueSelector.select(List.of(big, small), limits(10, Map.of("p", new PoolSlots(4, 1))));
    assertThat(taskIds(selection)).containsExactly("small");
    assertThat(selection.notQueuedReasons().get(big.id()))
        .isEqualTo("requires 2 slots but pool 'p' has 1 open");
    assertThat(selection.starved()).isEmpty();
  }

  @Test
  void taskNeedingMoreSlotsThanPoolHasIsStarved() {
    Candidate huge = ti("dag", "huge", "p", 5);
    Selection selection =
        QueueSelector.select(List.of(huge), limits(10, Map.of("p", new PoolSlots(4, 4))));
    assertThat(selection.toQueue()).isEmpty();
    assertThat(selection.starved()).containsExactly(huge.id());
    assertThat(selection.notQueuedReasons().get(huge.id()))
        .isEqualTo("requested pool slots (5) are greater than total pool slots (4) of pool 'p'");
  }

  @Test
  void unknownPoolIsNotQueued() {
    Candidate lost = ti("dag", "lost", "nope", 1);
    Candidate ok = ti("dag", "ok", "default_pool", 1);
    Selection selection = QueueSelector.select(List.of(lost, ok), roomy());
    assertThat(taskIds(selection)).containsExactly("ok");
    assertThat(selection.notQueuedReasons())
        .containsExactly(Map.entry(lost.id(), "pool 'nope' does not exist"));
    assertThat(selection.starved()).isEmpty();
  }

  @Test
  void negativeOpenSlotsQueueNothingInThatPool() {
    Candidate a = ti("dag", "a", "p", 1);
    Selection selection =
        QueueSelector.select(List.of(a), limits(10, Map.of("p", new PoolSlots(2, -1))));
    assertThat(selection.toQueue()).isEmpty();
    assertThat(selection.notQueuedReasons().get(a.id()))
        .isEqualTo("requires 1 slots but pool 'p' has 0 open");
  }

  @Test
  void maxActiveTasksCountsAcrossRunsOfOneDag() {
    Candidate r1 = ti("d", "run1", "t", 3, DAY1, -1, "default_pool", 1);
    Candidate r2 = ti("d", "run2", "t", 2, DAY2, -1, "default_pool", 1);
    Candidate other = ti("e", "run1", "t", 1, DAY1, -1, "default_pool", 1);
    Limits limits =
        new Limits(
            100,
            Map.of("default_pool", new PoolSlots(128, 128)),
            Map.of("d", 1),
            Map.of("d", 2, "e", 1));
    Selection selection = QueueSelector.select(List.of(r1, r2, other), limits);
    assertThat(selection.toQueue()).containsExactly(r1, other);
    assertThat(selection.notQueuedReasons())
        .containsExactly(Map.entry(r2.id(), "dag 'd' reached max_active_tasks (2/2)"));
  }

  @Test
  void dagAlreadyAtMaxActiveTasksQueuesNothing() {
    Candidate a = ti("d", "a", "default_pool", 1);
    Limits limits =
        new Limits(
            100, Map.of("default_pool", new PoolSlots(128, 128)), Map.of("d", 16), Map.of("d", 16));
    Selection selection = QueueSelector.select(List.of(a), limits);
    assertThat(selection.toQueue()).isEmpty();
    assertThat(selection.notQueuedReasons()).containsKey(a.id());
  }

  @Test
  void dagMaxSkipDoesNotTakePoolSlots() {
    Candidate blocked = ti("d", "run", "blocked", 9, DAY1, -1, "p", 1);
    Candidate other = ti("e", "run", "other", 1, DAY1, -1, "p", 1);
    Limits limits = new Limits(10, Map.of("p", new PoolSlots(1, 1)), Map.of(), Map.of("d", 0));
    assertThat(taskIds(QueueSelector.select(List.of(blocked, other), limits)))
        .containsExactly("other");
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1,1", "2,2", "3,3", "5,3", "-1,0"})
  void parallelismCutsOff(int free, int queued) {
    List<Candidate> in = List.of(ti("a", 3, DAY1, -1), ti("b", 2, DAY1, -1), ti("c", 1, DAY1, -1));
    Selection selection =
        QueueSelector.select(in, limits(free, Map.of("default_pool", new PoolSlots(128, 128))));
    assertThat(selection.toQueue()).hasSize(queued);
    assertThat(selection.notQueuedReasons()).hasSize(3 - queued);
    assertThat(selection.notQueuedReasons().values())
        .allMatch(reason -> reason.contains("parallelism"));
  }

  @Test
  void parallelismCutOffKeepsHighestPriority() {
    List<Candidate> in = List.of(ti("low", 1, DAY1, -1), ti("high", 9, DAY1, -1));
    Selection selection =
        QueueSelector.select(in, limits(1, Map.of("default_pool", new PoolSlots(128, 128))));
    assertThat(taskIds(selection)).containsExactly("high");
  }

  @Test
  void skippedCandidatesDoNotUseParallelism() {
    Candidate lost = ti("dag", "run", "lost", 9, DAY1, -1, "nope", 1);
    Candidate ok = ti("dag", "run", "ok", 1, DAY1, -1, "default_pool", 1);
    Selection selection =
        QueueSelector.select(
            List.of(lost, ok), limits(1, Map.of("default_pool", new PoolSlots(1, 1))));
    assertThat(taskIds(selection)).containsExactly("ok");
  }
}
