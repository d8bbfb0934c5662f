package dev.updraft.sdk.task;

import java.io.Serializable;

/**
 * A Java task's code taking no arguments. Serializable so that a method reference reveals the
 * method it names (its {@link Task} id and generic parameter types); nothing is ever serialized.
 */
@FunctionalInterface
public interface TaskFn0<R> extends Serializable {
  /** Runs the task; the result becomes its XCom. */
  R call() throws Exception;
}
