package dev.updraft.sdk.component;

/**
 * What a component does (TFX's {@code Executor.Do}): reads its resolved inputs and parameters,
 * writes its outputs' payloads under their URIs. Recording the outputs is the runtime's job.
 */
@FunctionalInterface
public interface ComponentExecutor {
  /** Runs one execution; throw to fail it. */
  void execute(ExecutorContext context) throws Exception;
}
