package dev.updraft.sdk.task;

import java.io.Serializable;

/**
 * A Java task's code taking two arguments. Serializable so that a method reference reveals the
 * method it names (its {@link Task} id and generic parameter types); nothing is ever serialized.
 */
@FunctionalInterface
public interface TaskFn2<A, B, R> extends Serializable {
  /** Runs the task; the result becomes its XCom. */
  R call(A a, B b) throws Exception;
}
