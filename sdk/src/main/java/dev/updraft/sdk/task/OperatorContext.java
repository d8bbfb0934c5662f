package dev.updraft.sdk.task;

import dev.updraft.sdk.TaskContext;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;

/** The {@link TaskContext} an {@link Operator} runs with, plus what operators need beyond it. */
public interface OperatorContext extends TaskContext {

  /** Pulls an XCom deserialized to a generic {@code type} (e.g. {@code List<Integer>}). */
  Optional<Object> xcomPull(String taskId, String key, Type type);

  /** The values templates see ({@code ds}, {@code params}, {@code dag_run}, {@code macros}, …). */
  Map<String, Object> templateContext();

  /** The operator's templated fields as rendered for this try. */
  Map<String, String> renderedFields();
}
