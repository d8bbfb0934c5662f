package dev.updraft.sdk.internal.compile;

import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.TriggerRule;
import java.time.Duration;

/**
 * A task's settings with every default filled in and the trigger rule resolved, as the runner uses
 * them.
 *
 * @param args the resolved arguments
 * @param triggerRule the resolved trigger rule
 */
public record TaskOptions(TaskArgs args, TriggerRule triggerRule) {

  public int retries() {
    return args.retries();
  }

  public Duration retryDelay() {
    return args.retryDelay();
  }

  public Duration executionTimeout() {
    return args.executionTimeout();
  }
}
