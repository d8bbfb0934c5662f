package dev.updraft.sdk.internal.dag;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.component.ExecutorContext;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.task.OperatorContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The {@link ExecutorContext} of one component execution. */
record ComponentExecutorContext(
    Map<String, List<Artifact>> inputArtifacts,
    Map<String, List<Artifact>> outputArtifacts,
    Map<String, Object> parameters,
    OperatorContext task)
    implements ExecutorContext {

  @Override
  public List<Artifact> inputs(String key) {
    return inputArtifacts.getOrDefault(key, List.of());
  }

  @Override
  public <T extends Artifact> T input(String key, Class<T> type) {
    return single("input", key, inputs(key), type);
  }

  @Override
  public List<Artifact> outputs(String key) {
    return outputArtifacts.getOrDefault(key, List.of());
  }

  @Override
  public <T extends Artifact> T output(String key, Class<T> type) {
    return single("output", key, outputs(key), type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T parameter(String name, Class<T> type) {
    Object value = parameters.get(name);
    Class<?> boxed =
        type.isPrimitive()
            ? java.lang.invoke.MethodType.methodType(type).wrap().returnType()
            : type;
    return (T) Json.convert(value, boxed);
  }

  @Override
  public PrintStream log() {
    return task.log();
  }

  private static <T extends Artifact> T single(
      String what, String key, List<Artifact> artifacts, Class<T> type) {
    if (artifacts.size() != 1) {
      throw new IllegalStateException(
          what + " '" + key + "' has " + artifacts.size() + " artifacts where one was expected");
    }
    Artifact artifact = artifacts.get(0);
    if (!type.isInstance(artifact)) {
      throw new IllegalStateException(
          what + " '" + key + "' is " + artifact.typeName() + ", not " + Artifact.typeName(type));
    }
    return type.cast(artifact);
  }
}
