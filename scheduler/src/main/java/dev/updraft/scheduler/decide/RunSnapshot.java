package dev.updraft.scheduler.decide;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A running DAG run as {@link RunStateDecider} sees it.
 *
 * @param tasks its task instances, one per task
 * @param leafTaskIds the tasks with no downstream tasks, whose states decide the run's
 * @param startedAt when the run started; {@code null} if it has not
 * @param dagrunTimeout the DAG's {@code dagrun_timeout}; {@code null} for none
 * @param now the time to decide at
 */
public record RunSnapshot(
    List<TaskNode> tasks,
    Set<String> leafTaskIds,
    Instant startedAt,
    Duration dagrunTimeout,
    Instant now) {

  public RunSnapshot {
    tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    leafTaskIds = Set.copyOf(Objects.requireNonNull(leafTaskIds, "leafTaskIds"));
    Objects.requireNonNull(now, "now");
  }
}
