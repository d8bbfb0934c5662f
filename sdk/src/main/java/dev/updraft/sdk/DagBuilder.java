package dev.updraft.sdk;

import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.internal.IsoDates;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import dev.updraft.sdk.internal.dag.JavaTaskOperator;
import dev.updraft.sdk.task.BashOperator;
import dev.updraft.sdk.task.BranchFunction;
import dev.updraft.sdk.task.BranchOperator;
import dev.updraft.sdk.task.EmptyOperator;
import dev.updraft.sdk.task.Operator;
import dev.updraft.sdk.task.ShortCircuitFunction;
import dev.updraft.sdk.task.ShortCircuitOperator;
import dev.updraft.sdk.task.TaskFn0;
import dev.updraft.sdk.task.TaskFn1;
import dev.updraft.sdk.task.TaskFn2;
import dev.updraft.sdk.task.TaskFn3;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Dag}: Airflow's DAG settings, then its tasks. Settings default as in Airflow 3
 * (no schedule, catchup off, 16 active runs and tasks).
 *
 * <pre>{@code
 * DagBuilder dag = Dag.builder("etl").schedule("@daily").startDate("2024-01-01");
 * var extract = dag.task(Etl::extract);
 * var load = dag.task(Etl::load, extract);
 * load.then(dag.bash("report", "echo loaded on {{ ds }}"));
 * return dag.build();
 * }</pre>
 */
public final class DagBuilder {
  private final String dagId;
  private Schedule schedule = Schedule.none();
  private Instant startDate;
  private Instant endDate;
  private ZoneId timezone = ZoneOffset.UTC;
  private boolean catchup;
  private final List<String> tags = new ArrayList<>();
  private String description;
  private String docMd;
  private final Map<String, Param> params = new LinkedHashMap<>();
  private Integer maxActiveRuns;
  private int maxActiveTasks = 16;
  private Duration dagrunTimeout;
  private TaskArgs defaultArgs = TaskArgs.NONE;
  private final List<Entry> entries = new ArrayList<>();

  private record Entry(TaskHandle<?> handle, Operator operator) {}

  DagBuilder(String dagId) {
    this.dagId = dagId;
  }

  /** Sets the schedule from Airflow's text: a preset, a cron expression, {@code @once}, …. */
  public DagBuilder schedule(String schedule) {
    this.schedule = Schedule.of(schedule);
    return this;
  }

  public DagBuilder schedule(Schedule schedule) {
    this.schedule = schedule;
    return this;
  }

  public DagBuilder startDate(Instant startDate) {
    this.startDate = startDate;
    return this;
  }

  /** The start date at midnight in the DAG's timezone. */
  public DagBuilder startDate(LocalDate startDate) {
    this.startDate = startDate.atStartOfDay(timezone).toInstant();
    return this;
  }

  /**
   * The start date from ISO-8601 text: a date ({@code 2024-01-01}, midnight in the DAG's timezone),
   * a local date-time, or one with an offset.
   */
  public DagBuilder startDate(String startDate) {
    this.startDate = parseInstant(startDate, "start date");
    return this;
  }

  public DagBuilder endDate(Instant endDate) {
    this.endDate = endDate;
    return this;
  }

  /** The end date from ISO-8601 text, read as {@link #startDate(String)} reads it. */
  public DagBuilder endDate(String endDate) {
    this.endDate = parseInstant(endDate, "end date");
    return this;
  }

  /** The zone cron schedules and date-only start dates are read in; set it before dates. */
  public DagBuilder timezone(ZoneId timezone) {
    this.timezone = timezone;
    return this;
  }

  public DagBuilder catchup(boolean catchup) {
    this.catchup = catchup;
    return this;
  }

  public DagBuilder tags(String... tags) {
    this.tags.addAll(List.of(tags));
    return this;
  }

  public DagBuilder description(String description) {
    this.description = description;
    return this;
  }

  public DagBuilder docMd(String docMd) {
    this.docMd = docMd;
    return this;
  }

  /** Sets the owner of every task that does not set its own. */
  public DagBuilder owner(String owner) {
    defaultArgs = defaultArgs.overriddenBy(TaskArgs.builder().owner(owner).build());
    return this;
  }

  public DagBuilder param(String name, Param param) {
    params.put(name, param);
    return this;
  }

  /** A parameter of any type with a default. */
  public DagBuilder param(String name, Object defaultValue) {
    return param(name, Param.of(defaultValue));
  }

  public DagBuilder maxActiveRuns(int maxActiveRuns) {
    this.maxActiveRuns = maxActiveRuns;
    return this;
  }

  public DagBuilder maxActiveTasks(int maxActiveTasks) {
    this.maxActiveTasks = maxActiveTasks;
    return this;
  }

  public DagBuilder dagrunTimeout(Duration dagrunTimeout) {
    this.dagrunTimeout = dagrunTimeout;
    return this;
  }

  /** Task settings every task starts from (Airflow's {@code default_args}). */
  public DagBuilder defaultArgs(TaskArgs defaultArgs) {
    this.defaultArgs = this.defaultArgs.overriddenBy(defaultArgs);
    return this;
  }

  /** Adds a task that runs {@code operator}. */
  public <R> TaskHandle<R> operator(String taskId, Operator operator) {
    TaskHandle<R> handle = new TaskHandle<>(taskId);
    entries.add(new Entry(handle, operator));
    return handle;
  }

  /** A shell command (Airflow's {@code BashOperator}); the command is a Jinja template. */
  public TaskHandle<String> bash(String taskId, String command) {
    return operator(taskId, BashOperator.of(command));
  }

  /** A shell task configured beyond its command. */
  public TaskHandle<String> bash(String taskId, BashOperator operator) {
    return operator(taskId, operator);
  }

  /** A task that does nothing (Airflow's {@code EmptyOperator}). */
  public TaskHandle<Void> empty(String taskId) {
    return operator(taskId, new EmptyOperator());
  }

  /** A branch: follows the direct downstream tasks {@code function} names, skips the rest. */
  public TaskHandle<List<String>> branch(String taskId, BranchFunction function) {
    return operator(taskId, new BranchOperator(function));
  }

  /** A short-circuit: when {@code condition} is false, every downstream task is skipped. */
  public TaskHandle<Boolean> shortCircuit(String taskId, ShortCircuitFunction condition) {
    return operator(taskId, new ShortCircuitOperator(condition, true));
  }

  /**
   * A short-circuit that, when {@code condition} is false, skips the direct downstream tasks only
   * and lets trigger rules decide the rest ({@code ignore_downstream_trigger_rules=False}).
   */
  public TaskHandle<Boolean> shortCircuitRespectingTriggerRules(
      String taskId, ShortCircuitFunction condition) {
    return operator(taskId, new ShortCircuitOperator(condition, false));
  }

  /** Adds a component as a task whose id is the component's id. */
  public TaskHandle<Void> component(BaseComponent component) {
    return operator(component.id(), new ComponentOperator(component));
  }

  /** A Java task from a {@code @Task} method reference; the id comes from the method. */
  public <R> TaskHandle<R> task(TaskFn0<R> function) {
    return java(null, function, List.of());
  }

  /** A Java task with an explicit id (needed for lambdas). */
  public <R> TaskHandle<R> task(String taskId, TaskFn0<R> function) {
    return java(taskId, function, List.of());
  }

  public <A, R> TaskHandle<R> task(TaskFn1<A, R> function, Arg<A> a) {
    return java(null, function, List.of(a));
  }

  public <A, R> TaskHandle<R> task(String taskId, TaskFn1<A, R> function, Arg<A> a) {
    return java(taskId, function, List.of(a));
  }

  public <A, B, R> TaskHandle<R> task(TaskFn2<A, B, R> function, Arg<A> a, Arg<B> b) {
    return java(null, function, List.of(a, b));
  }

  public <A, B, R> TaskHandle<R> task(
      String taskId, TaskFn2<A, B, R> function, Arg<A> a, Arg<B> b) {
    return java(taskId, function, List.of(a, b));
  }

  public <A, B, C, R> TaskHandle<R> task(
      TaskFn3<A, B, C, R> function, Arg<A> a, Arg<B> b, Arg<C> c) {
    return java(null, function, List.of(a, b, c));
  }

  public <A, B, C, R> TaskHandle<R> task(
      String taskId, TaskFn3<A, B, C, R> function, Arg<A> a, Arg<B> b, Arg<C> c) {
    return java(taskId, function, List.of(a, b, c));
  }

  private <R> TaskHandle<R> java(String taskId, Serializable function, List<Arg<?>> args) {
    JavaTaskOperator operator = JavaTaskOperator.of(function, args);
    TaskHandle<R> handle = operator(taskId != null ? taskId : operator.defaultTaskId(), operator);
    operator.upstreamTaskIds().forEach(handle::addUpstream);
    return handle;
  }

  /** The DAG as defined so far. Never throws for a badly defined DAG: compile it to find out. */
  public Dag build() {
    Map<BaseComponent, String> componentIds = new java.util.IdentityHashMap<>();
    for (Entry entry : entries) {
      if (entry.operator() instanceof ComponentOperator component) {
        componentIds.put(component.component(), entry.handle().taskId());
      }
    }
    List<TaskDefinition> tasks = new ArrayList<>();
    for (Entry entry : entries) {
      TaskHandle<?> handle = entry.handle();
      List<String> upstream = new ArrayList<>(handle.upstream());
      if (entry.operator() instanceof ComponentOperator component) {
        for (var channel : component.component().inputBindings().values()) {
          if (channel == null) {
            continue;
          }
          String producerId =
              componentIds.getOrDefault(channel.producer(), channel.producer().id());
          if (!upstream.contains(producerId)) {
            upstream.add(producerId);
          }
        }
      }
      tasks.add(
          new TaskDefinition(
              handle.taskId(),
              entry.operator(),
              defaultArgs.overriddenBy(handle.args()),
              upstream,
              handle.doc()));
    }
    return new Dag(
        dagId,
        schedule,
        startDate,
        endDate,
        timezone,
        catchup,
        tags,
        description,
        docMd,
        params,
        maxActiveRuns != null ? maxActiveRuns : defaultMaxActiveRuns(),
        maxActiveTasks,
        dagrunTimeout,
        defaultArgs,
        tasks);
  }

  /** Airflow's 16, except {@code @continuous}, which allows one active run only. */
  private int defaultMaxActiveRuns() {
    return schedule.kind() == Schedule.Kind.CONTINUOUS ? 1 : 16;
  }

  private Instant parseInstant(String text, String what) {
    return IsoDates.parse(text, timezone, "DAG '" + dagId + "': " + what);
  }
}
