package dev.updraft.sdk;

/**
 * An argument of a Java task: either an upstream task's XCom ({@link XComArg}, which also makes
 * that task an upstream dependency) or a plain value fixed when the DAG is defined.
 *
 * @param <T> the argument's type
 */
public sealed interface Arg<T> permits XComArg, Arg.Value, TaskHandle {

  /** A fixed value; it must survive a JSON round trip, as XComs do. */
  static <T> Arg<T> value(T value) {
    return new Value<>(value);
  }

  /**
   * A value fixed when the DAG is defined.
   *
   * @param value the value
   * @param <T> its type
   */
  record Value<T>(T value) implements Arg<T> {}
}
