package dev.updraft.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A task being added to a {@link DagBuilder}: set its behaviour and dependencies here. As an {@link
 * Arg} it stands for the task's return value, so passing it to another Java task wires the two.
 *
 * <pre>{@code
 * var extract = dag.task(Etl::extract).retries(2);
 * var load = dag.task(Etl::load, extract);     // load receives extract's return value
 * extract.then(dag.bash("notify", "echo done"));
 * }</pre>
 *
 * @param <R> the type of the task's return value
 */
public final class TaskHandle<R> implements Arg<R> {
  private final String taskId;
  private final List<String> upstream = new ArrayList<>();
  private TaskArgs.Builder args = TaskArgs.builder();
  private String doc;

  TaskHandle(String taskId) {
    this.taskId = Objects.requireNonNull(taskId, "taskId");
  }

  public String taskId() {
    return taskId;
  }

  /** The task's return value as an XCom reference. */
  public XComArg<R> output() {
    return new XComArg<>(taskId, XComArg.RETURN_VALUE);
  }

  /** Another XCom the task pushes, by key. */
  public <T> XComArg<T> xcom(String key) {
    return new XComArg<>(taskId, key);
  }

  /**
   * Makes {@code next} run after this task (Airflow's {@code this >> next}); returns {@code next}.
   */
  public <H extends TaskHandle<?>> H then(H next) {
    next.dependsOn(this);
    return next;
  }

  /** Makes each of {@code next} run after this task. */
  public void then(List<? extends TaskHandle<?>> next) {
    next.forEach(handle -> handle.dependsOn(this));
  }

  /** Makes this task run after each of {@code upstreamTasks} (Airflow's {@code this << up}). */
  public TaskHandle<R> dependsOn(TaskHandle<?>... upstreamTasks) {
    for (TaskHandle<?> task : upstreamTasks) {
      // A handle of another DAG is kept by id: validation reports it as an unknown task.
      addUpstream(task.taskId);
    }
    return this;
  }

  void addUpstream(String id) {
    if (!upstream.contains(id)) {
      upstream.add(id);
    }
  }

  List<String> upstream() {
    return Collections.unmodifiableList(upstream);
  }

  TaskArgs args() {
    return args.build();
  }

  String doc() {
    return doc;
  }

  public TaskHandle<R> owner(String owner) {
    args = args.owner(owner);
    return this;
  }

  public TaskHandle<R> retries(int retries) {
    args = args.retries(retries);
    return this;
  }

  public TaskHandle<R> retryDelay(Duration delay) {
    args = args.retryDelay(delay);
    return this;
  }

  public TaskHandle<R> retryExponentialBackoff(boolean backoff) {
    args = args.retryExponentialBackoff(backoff);
    return this;
  }

  public TaskHandle<R> maxRetryDelay(Duration delay) {
    args = args.maxRetryDelay(delay);
    return this;
  }

  public TaskHandle<R> executionTimeout(Duration timeout) {
    args = args.executionTimeout(timeout);
    return this;
  }

  public TaskHandle<R> pool(String pool) {
    args = args.pool(pool);
    return this;
  }

  public TaskHandle<R> poolSlots(int slots) {
    args = args.poolSlots(slots);
    return this;
  }

  public TaskHandle<R> priorityWeight(int weight) {
    args = args.priorityWeight(weight);
    return this;
  }

  public TaskHandle<R> triggerRule(TriggerRule rule) {
    args = args.triggerRule(rule);
    return this;
  }

  /** Sets the trigger rule by Airflow's name; an unknown name is reported by validation. */
  public TaskHandle<R> triggerRule(String rule) {
    args = args.triggerRule(rule);
    return this;
  }

  public TaskHandle<R> queue(String queue) {
    args = args.queue(queue);
    return this;
  }

  public TaskHandle<R> executor(String executor) {
    args = args.executor(executor);
    return this;
  }

  public TaskHandle<R> dependsOnPast(boolean dependsOnPast) {
    args = args.dependsOnPast(dependsOnPast);
    return this;
  }

  /** Overrides any task arguments at once. */
  public TaskHandle<R> args(TaskArgs overrides) {
    args = args.build().overriddenBy(overrides).toBuilder();
    return this;
  }

  /** A description shown to users. */
  public TaskHandle<R> doc(String text) {
    this.doc = text;
    return this;
  }

  @Override
  public String toString() {
    return "TaskHandle(" + taskId + ")";
  }
}
