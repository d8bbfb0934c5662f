package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a component takes and gives, as TFX's {@code ComponentSpec} declares it: typed input
 * artifacts, typed output artifacts and plain parameters, each by name.
 *
 * @param inputs input artifacts by key
 * @param outputs output artifacts by key
 * @param parameters execution parameters by name
 */
public record ComponentSpec(
    Map<String, InputSpec> inputs,
    Map<String, OutputSpec> outputs,
    Map<String, ParameterSpec> parameters) {

  public ComponentSpec {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** An empty spec to add to. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An input artifact.
   *
   * @param name its key
   * @param type the artifact type it accepts (subtypes too)
   * @param optional whether the component runs without it
   */
  public record InputSpec(String name, Class<? extends Artifact> type, boolean optional) {}

  /**
   * An output artifact.
   *
   * @param name its key
   * @param type the artifact type written
   */
  public record OutputSpec(String name, Class<? extends Artifact> type) {}

  /**
   * A plain parameter.
   *
   * @param name its name
   * @param type the Java type a value must have (primitives stand for their boxes)
   * @param optional whether the component runs without it
   */
  public record ParameterSpec(String name, Class<?> type, boolean optional) {}

  /** Builds a {@link ComponentSpec}; a key declared twice is an error at once. */
  public static final class Builder {
    private final Map<String, InputSpec> inputs = new LinkedHashMap<>();
    private final Map<String, OutputSpec> outputs = new LinkedHashMap<>();
    private final Map<String, ParameterSpec> parameters = new LinkedHashMap<>();

    public Builder input(String name, Class<? extends Artifact> type) {
      return put(inputs, name, new InputSpec(name, type, false));
    }

    public Builder optionalInput(String name, Class<? extends Artifact> type) {
      return put(inputs, name, new InputSpec(name, type, true));
    }

    public Builder output(String name, Class<? extends Artifact> type) {
      return put(outputs, name, new OutputSpec(name, type));
    }

    public Builder parameter(String name, Class<?> type) {
      return put(parameters, name, new ParameterSpec(name, type, false));
    }

    public Builder optionalParameter(String name, Class<?> type) {
      return put(parameters, name, new ParameterSpec(name, type, true));
    }

    private <V> Builder put(Map<String, V> into, String name, V value) {
      Objects.requireNonNull(name, "name");
      if (inputs.containsKey(name) || outputs.containsKey(name) || parameters.containsKey(name)) {
        throw new IllegalArgumentException("component spec declares '" + name + "' twice");
      }
      into.put(name, value);
      return this;
    }

    public ComponentSpec build() {
      return new ComponentSpec(inputs, outputs, parameters);
    }
  }
}
