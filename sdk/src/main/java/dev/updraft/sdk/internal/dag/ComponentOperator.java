package dev.updraft.sdk.internal.dag;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.ComponentSpec;
import dev.updraft.sdk.internal.run.ArtifactStore;
import dev.updraft.sdk.internal.run.ComponentRuntime;
import dev.updraft.sdk.task.Operator;
import dev.updraft.sdk.task.OperatorContext;
import dev.updraft.sdk.task.OperatorResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a component as TFX's launcher does: the driver resolves inputs and parameters, the execution
 * is recorded, outputs get URIs, the executor runs, and the outputs are published.
 */
public final class ComponentOperator implements Operator {
  private final BaseComponent component;
  private final Map<String, List<Artifact>> fixedInputs;

  public ComponentOperator(BaseComponent component) {
    this(component, Map.of());
  }

  /**
   * A component whose inputs named in {@code fixedInputs} receive those artifacts instead of what a
   * channel carries (the component test harness uses this).
   */
  public ComponentOperator(BaseComponent component, Map<String, List<Artifact>> fixedInputs) {
    this.component = component;
    this.fixedInputs = Map.copyOf(fixedInputs);
  }

  /** The inputs given fixed artifacts. */
  public Map<String, List<Artifact>> fixedInputs() {
    return fixedInputs;
  }

  public BaseComponent component() {
    return component;
  }

  @Override
  public String operatorName() {
    return component.componentType();
  }

  @Override
  public OperatorResult execute(OperatorContext context) throws Exception {
    if (!(context instanceof ComponentRuntime runtime)) {
      throw new IllegalStateException("this task runner cannot run components");
    }
    ArtifactStore store = runtime.artifactStore();
    ComponentDriverContext driverContext =
        new ComponentDriverContext(
            component, channelInputs(context, store), renderedParameters(context), context, store);
    Map<String, List<Artifact>> inputs = component.driver().resolveInputs(driverContext);
    Map<String, Object> parameters = component.driver().resolveParameters(driverContext);
    requireInputs(inputs);
    ArtifactStore.ExecutionKey key =
        new ArtifactStore.ExecutionKey(
            context.dagId(),
            context.runId(),
            context.taskId(),
            component.componentType(),
            context.tryNumber());
    long executionId = store.beginExecution(key, inputs, parameters);
    Map<String, List<Artifact>> outputs =
        prepareOutputs(store.artifactRoot(), context, executionId);
    try {
      component
          .executor()
          .execute(new ComponentExecutorContext(inputs, outputs, parameters, context));
    } catch (Exception | Error e) {
      store.failExecution(executionId, String.valueOf(e.getMessage()));
      throw e;
    }
    store.publishOutputs(executionId, outputs);
    outputs.forEach(
        (outputKey, artifacts) ->
            artifacts.forEach(a -> context.log().println("Published " + outputKey + ": " + a)));
    return OperatorResult.success(null);
  }

  /** String parameters are templates, as an operator's templated fields are. */
  private Map<String, Object> renderedParameters(OperatorContext context) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    component
        .parameterValues()
        .forEach(
            (name, value) ->
                rendered.put(name, value instanceof String text ? context.render(text) : value));
    return rendered;
  }

  private Map<String, List<Artifact>> channelInputs(OperatorContext context, ArtifactStore store) {
    Map<String, List<Artifact>> inputs = new LinkedHashMap<>(fixedInputs);
    component
        .inputBindings()
        .forEach((key, channel) -> inputs.putIfAbsent(key, published(context, store, channel)));
    return inputs;
  }

  private static List<Artifact> published(
      OperatorContext context, ArtifactStore store, Channel<?> channel) {
    return store.outputsOf(
        context.dagId(), context.runId(), channel.producer().id(), channel.outputKey());
  }

  private void requireInputs(Map<String, List<Artifact>> inputs) {
    for (ComponentSpec.InputSpec input : component.spec().inputs().values()) {
      List<Artifact> artifacts = inputs.getOrDefault(input.name(), List.of());
      if (!input.optional() && artifacts.isEmpty()) {
        Channel<?> channel = component.inputBindings().get(input.name());
        throw new IllegalStateException(
            "input '"
                + input.name()
                + "' of "
                + component.id()
                + " resolved to no artifacts"
                + (channel != null ? " (" + channel.producer().id() + " published none)" : ""));
      }
    }
  }

  /** One PENDING artifact per output, at {@code root/dag/task/output/execution} as TFX lays it. */
  private Map<String, List<Artifact>> prepareOutputs(
      Path root, OperatorContext context, long executionId) {
    Map<String, List<Artifact>> outputs = new LinkedHashMap<>();
    for (ComponentSpec.OutputSpec output : component.spec().outputs().values()) {
      Artifact artifact = Artifact.create(output.type());
      Path uri =
          root.resolve(context.dagId())
              .resolve(context.taskId())
              .resolve(output.name())
              .resolve(Long.toString(executionId));
      artifact.setUri(uri.toAbsolutePath().toString());
      outputs.put(output.name(), List.of(artifact));
    }
    return outputs;
  }
}
