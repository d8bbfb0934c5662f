package dev.updraft.sdk;

import java.util.Objects;

/**
 * A reference to an XCom that an upstream task pushes, usable as a Java task's argument: the
 * referencing task then depends on the pushing one, and receives the value deserialized to the
 * parameter's type.
 *
 * @param taskId the task that pushes the value
 * @param key the XCom key ({@value #RETURN_VALUE} for a task's return value)
 * @param <T> the value's type
 */
public record XComArg<T>(String taskId, String key) implements Arg<T> {

  /** The key under which a task's return value is pushed, as in Airflow. */
  public static final String RETURN_VALUE = "return_value";

  public XComArg {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(key, "key");
  }
}
