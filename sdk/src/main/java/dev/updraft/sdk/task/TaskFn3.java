package dev.updraft.sdk.task;

import java.io.Serializable;

/**
 * A Java task's code taking three arguments. Serializable so that a method reference reveals the
 * method it names (its {@link Task} id and generic parameter types); nothing is ever serialized.
 */
@FunctionalInterface
public interface TaskFn3<A, B, C, R> extends Serializable {
  /** Runs the task; the result becomes its XCom. */
  R call(A a, B b, C c) throws Exception;
}
