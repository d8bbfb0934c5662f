package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline component (TFX's {@code BaseComponent}): a {@link ComponentSpec}, the channels bound
 * to its inputs, the values of its parameters, an executor and a driver.
 *
 * <p><b>From scratch</b>: subclass it, pass a spec to the constructor, bind inputs and parameters
 * with {@link #bindInput} and {@link #bindParameter}, and return your executor from {@link
 * #executor()} (and a driver from {@link #driver()} if inputs are resolved differently).
 *
 * <p><b>By inheritance</b>: extend a standard component and override the hook it documents (for
 * example {@code FileBasedExampleGen.readRecords}); everything else is inherited.
 *
 * <p>Binding problems (an unknown key, a wrongly typed channel or value, a missing required input)
 * are not thrown here: they are reported together when the DAG is validated.
 */
public abstract class BaseComponent {
  private final ComponentSpec spec;
  private final Map<String, Channel<?>> inputBindings = new LinkedHashMap<>();
  private final Map<String, Object> parameterValues = new LinkedHashMap<>();
  private String id;

  protected BaseComponent(ComponentSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** What this component takes and gives. */
  public final ComponentSpec spec() {
    return spec;
  }

  /** What one execution does. Called in the process that runs the task. */
  public abstract ComponentExecutor executor();

  /** How inputs and parameters are resolved before an execution; the default as documented. */
  public ComponentDriver driver() {
    return ComponentDriver.DEFAULT;
  }

  /** The component type recorded in lineage: {@link Component#value()} or the simple class name. */
  public String componentType() {
    Component annotation = getClass().getAnnotation(Component.class);
    return annotation != null && !annotation.value().isEmpty()
        ? annotation.value()
        : getClass().getSimpleName();
  }

  /** The node id, which is the task id in the DAG: set by {@link #withId}, else the type. */
  public String id() {
    return id != null ? id : componentType();
  }

  /**
   * Gives this node an id, needed when one DAG holds two components of the same type. Call it
   * before {@code dag.component(...)}: the task id is taken when the component is added.
   */
  public BaseComponent withId(String id) {
    this.id = Objects.requireNonNull(id, "id");
    return this;
  }

  /**
   * The channel of output {@code key}, typed. Throws at once if the spec has no such output or it
   * is not of {@code type}: the caller's code is wrong, not the DAG.
   */
  public final <T extends Artifact> Channel<T> output(String key, Class<T> type) {
    ComponentSpec.OutputSpec output = spec.outputs().get(key);
    if (output == null) {
      throw new IllegalArgumentException(
          id() + " has no output '" + key + "'; its outputs are " + spec.outputs().keySet());
    }
    if (!type.isAssignableFrom(output.type())) {
      throw new IllegalArgumentException(
          "output '"
              + key
              + "' of "
              + id()
              + " carries "
              + Artifact.typeName(output.type())
              + ", not "
              + Artifact.typeName(type));
    }
    return new Channel<>(this, key, type);
  }

  /** The channels bound to inputs, by key, as bound (unchecked until validation). */
  public final Map<String, Channel<?>> inputBindings() {
    return Collections.unmodifiableMap(inputBindings);
  }

  /** The parameter values, by name, as bound (unchecked until validation). */
  public final Map<String, Object> parameterValues() {
    return Collections.unmodifiableMap(parameterValues);
  }

  /** Binds {@code channel} to input {@code key}. */
  protected final void bindInput(String key, Channel<?> channel) {
    inputBindings.put(Objects.requireNonNull(key, "key"), channel);
  }

  /** Sets parameter {@code name}; {@code null} leaves it unset. */
  protected final void bindParameter(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      parameterValues.remove(name);
    } else {
      parameterValues.put(name, value);
    }
  }

  @Override
  public String toString() {
    return componentType() + "(" + id() + ")";
  }
}
