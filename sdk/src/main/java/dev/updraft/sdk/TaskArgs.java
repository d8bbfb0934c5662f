package dev.updraft.sdk;

import java.time.Duration;

/**
 * Task settings as Airflow's {@code default_args} and operator arguments carry them: every field is
 * optional ({@code null} = not set here). A DAG's defaults and a task's own settings are layered
 * with {@link #overriddenBy(TaskArgs)} and completed with Airflow's defaults by {@link #resolve()}.
 *
 * @param owner the task's owner ({@code airflow} by default)
 * @param retries how many times a failed try is retried (0)
 * @param retryDelay wait before a retry (5 minutes)
 * @param retryExponentialBackoff double the wait on each retry, as Airflow computes it (false)
 * @param maxRetryDelay upper bound of the wait when backing off (none)
 * @param executionTimeout a try running longer is killed and failed (none)
 * @param pool the pool whose slots the task takes ({@code default_pool})
 * @param poolSlots how many slots of the pool one try takes (1)
 * @param priorityWeight the task's own weight; the queue orders by the downstream sum (1)
 * @param triggerRule Airflow's name of the trigger rule ({@code all_success}); kept as text so an
 *     unknown name is reported by validation rather than thrown here
 * @param queue the executor queue ({@code default})
 * @param executor the executor that runs the task (the default executor)
 * @param dependsOnPast run only if this task succeeded or was skipped in the previous run (false)
 */
public record TaskArgs(
    String owner,
    Integer retries,
    Duration retryDelay,
    Boolean retryExponentialBackoff,
    Duration maxRetryDelay,
    Duration executionTimeout,
    String pool,
    Integer poolSlots,
    Integer priorityWeight,
    String triggerRule,
    String queue,
    String executor,
    Boolean dependsOnPast) {

  /** Nothing set. */
  public static final TaskArgs NONE =
      new TaskArgs(null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** Airflow's defaults, as {@link #resolve()} fills them in. */
  public static final TaskArgs AIRFLOW_DEFAULTS =
      new TaskArgs(
          "airflow",
          0,
          Duration.ofMinutes(5),
          false,
          null,
          null,
          "default_pool",
          1,
          1,
          TriggerRule.ALL_SUCCESS.value(),
          "default",
          null,
          false);

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder(NONE);
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These settings with every field that {@code overrides} sets replaced by its value. */
  public TaskArgs overriddenBy(TaskArgs overrides) {
    return new TaskArgs(
        pick(overrides.owner, owner),
        pick(overrides.retries, retries),
        pick(overrides.retryDelay, retryDelay),
        pick(overrides.retryExponentialBackoff, retryExponentialBackoff),
        pick(overrides.maxRetryDelay, maxRetryDelay),
        pick(overrides.executionTimeout, executionTimeout),
        pick(overrides.pool, pool),
        pick(overrides.poolSlots, poolSlots),
        pick(overrides.priorityWeight, priorityWeight),
        pick(overrides.triggerRule, triggerRule),
        pick(overrides.queue, queue),
        pick(overrides.executor, executor),
        pick(overrides.dependsOnPast, dependsOnPast));
  }

  /** These settings completed with {@link #AIRFLOW_DEFAULTS} where unset. */
  public TaskArgs resolve() {
    return AIRFLOW_DEFAULTS.overriddenBy(this);
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  /** Builds {@link TaskArgs}; every setter may be skipped. */
  public static final class Builder {
    private String owner;
    private Integer retries;
    private Duration retryDelay;
    private Boolean retryExponentialBackoff;
    private Duration maxRetryDelay;
    private Duration executionTimeout;
    private String pool;
    private Integer poolSlots;
    private Integer priorityWeight;
    private String triggerRule;
    private String queue;
    private String executor;
    private Boolean dependsOnPast;

    private Builder(TaskArgs from) {
      owner = from.owner;
      retries = from.retries;
      retryDelay = from.retryDelay;
      retryExponentialBackoff = from.retryExponentialBackoff;
      maxRetryDelay = from.maxRetryDelay;
      executionTimeout = from.executionTimeout;
      pool = from.pool;
      poolSlots = from.poolSlots;
      priorityWeight = from.priorityWeight;
      triggerRule = from.triggerRule;
      queue = from.queue;
      executor = from.executor;
      dependsOnPast = from.dependsOnPast;
    }

    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder retryDelay(Duration retryDelay) {
      this.retryDelay = retryDelay;
      return this;
    }

    public Builder retryExponentialBackoff(boolean retryExponentialBackoff) {
      this.retryExponentialBackoff = retryExponentialBackoff;
      return this;
    }

    public Builder maxRetryDelay(Duration maxRetryDelay) {
      this.maxRetryDelay = maxRetryDelay;
      return this;
    }

    public Builder executionTimeout(Duration executionTimeout) {
      this.executionTimeout = executionTimeout;
      return this;
    }

    public Builder pool(String pool) {
      this.pool = pool;
      return this;
    }

    public Builder poolSlots(int poolSlots) {
      this.poolSlots = poolSlots;
      return this;
    }

    public Builder priorityWeight(int priorityWeight) {
      this.priorityWeight = priorityWeight;
      return this;
    }

    public Builder triggerRule(TriggerRule triggerRule) {
      this.triggerRule = triggerRule.value();
      return this;
    }

    /** Sets the rule by Airflow's name; an unknown name is reported when the DAG is validated. */
    public Builder triggerRule(String triggerRule) {
      this.triggerRule = triggerRule;
      return this;
    }

    public Builder queue(String queue) {
      this.queue = queue;
      return this;
    }

    public Builder executor(String executor) {
      this.executor = executor;
      return this;
    }

    public Builder dependsOnPast(boolean dependsOnPast) {
      this.dependsOnPast = dependsOnPast;
      return this;
    }

    public TaskArgs build() {
      return new TaskArgs(
          owner,
          retries,
          retryDelay,
          retryExponentialBackoff,
          maxRetryDelay,
          executionTimeout,
          pool,
          poolSlots,
          priorityWeight,
          triggerRule,
          queue,
          executor,
          dependsOnPast);
    }
  }
}
