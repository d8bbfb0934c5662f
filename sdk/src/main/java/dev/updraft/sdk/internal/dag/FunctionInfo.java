package dev.updraft.sdk.internal.dag;

import dev.updraft.sdk.task.Task;
import java.io.Serializable;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * What a Java task's function reveals about itself: the method a method reference names (for its
 * {@link Task} id) and the generic types of the parameters the task receives (to deserialize XComs
 * into). Read through {@link SerializedLambda}; nothing is serialized.
 *
 * @param displayName {@code Class.method} for diagnostics
 * @param taskId the id the function implies, or {@code null} for a lambda
 * @param parameterTypes the types of the task's arguments, in order
 */
record FunctionInfo(String displayName, String taskId, Type[] parameterTypes) {

  static FunctionInfo of(Serializable function, int arity) {
    SerializedLambda lambda = serializedForm(function);
    if (lambda == null) {
      return ofCallMethod(function, arity);
    }
    Method method = implementation(function, lambda);
    String display = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    Type[] all = method.getGenericParameterTypes();
    Type[] parameters = Arrays.copyOfRange(all, all.length - arity, all.length);
    boolean isLambdaBody = method.isSynthetic() || method.getName().startsWith("lambda$");
    Task task = method.getAnnotation(Task.class);
    String taskId;
    if (task != null && !task.value().isEmpty()) {
      taskId = task.value();
    } else {
      taskId = isLambdaBody ? null : method.getName();
    }
    return new FunctionInfo(display, taskId, parameters);
  }

  private static SerializedLambda serializedForm(Serializable function) {
    try {
      Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Method implementation(Serializable function, SerializedLambda lambda) {
    String className = lambda.getImplClass().replace('/', '.');
    try {
      Class<?> owner = Class.forName(className, false, function.getClass().getClassLoader());
      for (Method method : owner.getDeclaredMethods()) {
        if (method.getName().equals(lambda.getImplMethodName())
            && descriptor(method).equals(lambda.getImplMethodSignature())) {
          return method;
        }
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("class of task function not found: " + className, e);
    }
    throw new IllegalStateException(
        "method " + className + "." + lambda.getImplMethodName() + " of a task function not found");
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }

  /** A function object that is not a lambda: its own {@code call} method describes it. */
  private static FunctionInfo ofCallMethod(Serializable function, int arity) {
    for (Method method : function.getClass().getMethods()) {
      if (method.getName().equals("call")
          && method.getParameterCount() == arity
          && !method.isBridge()) {
        return new FunctionInfo(
            function.getClass().getSimpleName(), null, method.getGenericParameterTypes());
      }
    }
    Type[] objects = new Type[arity];
    Arrays.fill(objects, Object.class);
    return new FunctionInfo(function.getClass().getSimpleName(), null, objects);
  }
}
