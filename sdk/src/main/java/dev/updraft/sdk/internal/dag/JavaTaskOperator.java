package dev.updraft.sdk.internal.dag;

import dev.updraft.sdk.Arg;
import dev.updraft.sdk.TaskHandle;
import dev.updraft.sdk.XComArg;
import dev.updraft.sdk.task.Operator;
import dev.updraft.sdk.task.OperatorContext;
import dev.updraft.sdk.task.OperatorResult;
import dev.updraft.sdk.task.TaskFn0;
import dev.updraft.sdk.task.TaskFn1;
import dev.updraft.sdk.task.TaskFn2;
import dev.updraft.sdk.task.TaskFn3;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Runs a TaskFlow-style Java task: pulls its XCom arguments, calls it, returns its value. */
public final class JavaTaskOperator implements Operator {
  private final Serializable function;
  private final List<Arg<?>> args;
  private final FunctionInfo info;

  private JavaTaskOperator(Serializable function, List<Arg<?>> args, FunctionInfo info) {
    this.function = function;
    this.args = List.copyOf(args);
    this.info = info;
  }

  /** The operator for one of the {@code TaskFn} interfaces and its arguments. */
  public static JavaTaskOperator of(Serializable function, List<Arg<?>> args) {
    return new JavaTaskOperator(function, args, FunctionInfo.of(function, args.size()));
  }

  /** The task id the function implies; throws for a lambda, which has none. */
  public String defaultTaskId() {
    if (info.taskId() == null) {
      throw new IllegalArgumentException(
          "a lambda task needs an explicit id, e.g. dag.task(\"my_task\", () -> ...); found "
              + info.displayName());
    }
    return info.taskId();
  }

  /** The tasks whose XComs this task takes, in argument order. */
  public Set<String> upstreamTaskIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Arg<?> arg : args) {
      XComArg<?> xcom = asXCom(arg);
      if (xcom != null) {
        ids.add(xcom.taskId());
      }
    }
    return ids;
  }

  /** The function's display name, {@code Class.method}. */
  public String functionName() {
    return info.displayName();
  }

  @Override
  public String operatorName() {
    return "@task";
  }

  @Override
  public OperatorResult execute(OperatorContext context) throws Exception {
    List<Object> values = new ArrayList<>();
    Type[] types = info.parameterTypes();
    for (int i = 0; i < args.size(); i++) {
      values.add(resolve(args.get(i), types[i], context));
    }
    return OperatorResult.success(invoke(values));
  }

  private static Object resolve(Arg<?> arg, Type type, OperatorContext context) {
    if (arg instanceof Arg.Value<?> value) {
      return value.value();
    }
    XComArg<?> xcom = asXCom(arg);
    var pulled = context.xcomPull(xcom.taskId(), xcom.key(), type);
    if (pulled.isEmpty()) {
      // Legitimate when the upstream task returned null; a surprise under `tasks test`.
      context
          .log()
          .println(
              "XCom '"
                  + xcom.key()
                  + "' of task '"
                  + xcom.taskId()
                  + "' not found in this run; passing null");
    }
    Object value = pulled.orElse(null);
    if (value == null && type instanceof Class<?> clazz && clazz.isPrimitive()) {
      throw new IllegalStateException(
          "XCom '"
              + xcom.key()
              + "' of task '"
              + xcom.taskId()
              + "' is missing, and the "
              + clazz
              + " parameter it feeds cannot be null");
    }
    return value;
  }

  private static XComArg<?> asXCom(Arg<?> arg) {
    return switch (arg) {
      case XComArg<?> xcom -> xcom;
      case TaskHandle<?> handle -> handle.output();
      case Arg.Value<?> value -> null;
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object invoke(List<Object> values) throws Exception {
    return switch (function) {
      case TaskFn0 f -> f.call();
      case TaskFn1 f -> f.call(values.get(0));
      case TaskFn2 f -> f.call(values.get(0), values.get(1));
      case TaskFn3 f -> f.call(values.get(0), values.get(1), values.get(2));
      default -> throw new IllegalStateException("not a task function: " + function.getClass());
    };
  }

  @Override
  public String toString() {
    return "@task(" + info.displayName() + ")";
  }
}
