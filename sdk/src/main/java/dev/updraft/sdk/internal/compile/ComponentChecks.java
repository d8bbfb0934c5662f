package dev.updraft.sdk.internal.compile;

import static dev.updraft.sdk.ValidationProblem.Kind.INPUT_TYPE_MISMATCH;
import static dev.updraft.sdk.ValidationProblem.Kind.MISSING_PARAMETER;
import static dev.updraft.sdk.ValidationProblem.Kind.PARAMETER_TYPE_MISMATCH;
import static dev.updraft.sdk.ValidationProblem.Kind.PRODUCER_NOT_IN_DAG;
import static dev.updraft.sdk.ValidationProblem.Kind.UNBOUND_INPUT;
import static dev.updraft.sdk.ValidationProblem.Kind.UNKNOWN_INPUT;
import static dev.updraft.sdk.ValidationProblem.Kind.UNKNOWN_PARAMETER;

import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.ComponentSpec;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;

/** Checks a component's bindings against its spec and against the DAG it is in. */
final class ComponentChecks {
  private ComponentChecks() {}

  /**
   * @param component the component to check
   * @param fixedInputs inputs given artifacts directly rather than through a channel
   * @param inDag the components of the DAG, by task id
   */
  static void check(
      BaseComponent component,
      Set<String> fixedInputs,
      Map<String, BaseComponent> inDag,
      Problems problems) {
    ComponentSpec spec = component.spec();
    String id = component.id();
    component
        .inputBindings()
        .forEach(
            (key, channel) -> {
              if (!fixedInputs.contains(key)) {
                checkBinding(component, key, channel, inDag, problems);
              }
            });
    for (ComponentSpec.InputSpec input : spec.inputs().values()) {
      if (!input.optional()
          && component.inputBindings().get(input.name()) == null
          && !fixedInputs.contains(input.name())) {
        problems.add(
            UNBOUND_INPUT,
            id + "." + input.name(),
            "required input '"
                + input.name()
                + "' ("
                + Artifact.typeName(input.type())
                + ") of '"
                + id
                + "' is not bound to any channel");
      }
    }
    Map<String, Object> values = component.parameterValues();
    values.forEach(
        (name, value) -> {
          ComponentSpec.ParameterSpec parameter = spec.parameters().get(name);
          if (parameter == null) {
            problems.add(
                UNKNOWN_PARAMETER,
                id + "." + name,
                "'"
                    + id
                    + "' has no parameter '"
                    + name
                    + "'; its parameters are "
                    + spec.parameters().keySet());
          } else if (!boxed(parameter.type()).isInstance(value)) {
            problems.add(
                PARAMETER_TYPE_MISMATCH,
                id + "." + name,
                "parameter '"
                    + name
                    + "' of '"
                    + id
                    + "' must be a "
                    + boxed(parameter.type()).getSimpleName()
                    + ", not a "
                    + value.getClass().getSimpleName()
                    + " ("
                    + value
                    + ")");
          }
        });
    for (ComponentSpec.ParameterSpec parameter : spec.parameters().values()) {
      if (!parameter.optional() && !values.containsKey(parameter.name())) {
        problems.add(
            MISSING_PARAMETER,
            id + "." + parameter.name(),
            "required parameter '" + parameter.name() + "' of '" + id + "' is not set");
      }
    }
  }

  private static void checkBinding(
      BaseComponent component,
      String key,
      Channel<?> channel,
      Map<String, BaseComponent> inDag,
      Problems problems) {
    String id = component.id();
    ComponentSpec.InputSpec input = component.spec().inputs().get(key);
    if (input == null) {
      problems.add(
          UNKNOWN_INPUT,
          id + "." + key,
          "'"
              + id
              + "' has no input '"
              + key
              + "'; its inputs are "
              + component.spec().inputs().keySet());
      return;
    }
    if (channel == null) {
      return;
    }
    if (!input.type().isAssignableFrom(channel.type())) {
      problems.add(
          INPUT_TYPE_MISMATCH,
          id + "." + key,
          "input '"
              + key
              + "' of '"
              + id
              + "' expects "
              + Artifact.typeName(input.type())
              + " but is bound to "
              + channel.producer().id()
              + "."
              + channel.outputKey()
              + ", which carries "
              + Artifact.typeName(channel.type()));
    }
    if (inDag.get(channel.producer().id()) != channel.producer()) {
      problems.add(
          PRODUCER_NOT_IN_DAG,
          id + "." + key,
          "input '"
              + key
              + "' of '"
              + id
              + "' is bound to an output of '"
              + channel.producer().id()
              + "', which is not a task of this DAG; add it with dag.component(...)");
    }
  }

  /** The ids of the producers {@code component}'s channels name. */
  static Set<String> producerIds(BaseComponent component) {
    return component.inputBindings().values().stream()
        .filter(channel -> channel != null)
        .map(channel -> channel.producer().id())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static Class<?> boxed(Class<?> type) {
    return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
  }
}
