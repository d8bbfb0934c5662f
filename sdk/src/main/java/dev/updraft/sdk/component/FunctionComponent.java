package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A component made from a {@link ComponentFunction} method (TFX's {@code @component}): the method's
 * annotated parameters become the spec, and an execution calls the method with the resolved input
 * artifacts, the prepared output artifacts and the parameter values.
 *
 * <pre>{@code
 * var stats = FunctionComponent.of(MyComponents.class, "countRows")
 *     .input("examples", exampleGen.output("examples", Examples.class))
 *     .parameter("min_rows", 10);
 * }</pre>
 */
public final class FunctionComponent extends BaseComponent {
  private final Method method;
  private final String typeName;

  private FunctionComponent(Method method, ComponentSpec spec, String typeName) {
    super(spec);
    this.method = method;
    this.typeName = typeName;
  }

  /**
   * The component of {@code owner}'s public static {@link ComponentFunction} method {@code name}.
   *
   * @throws IllegalArgumentException naming the method if it is missing, not public static, not
   *     annotated, or has a parameter that is not annotated as exactly one of input, output or
   *     parameter
   */
  public static FunctionComponent of(Class<?> owner, String name) {
    List<Method> candidates =
        Arrays.stream(owner.getDeclaredMethods())
            .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(ComponentFunction.class))
            .toList();
    String culprit = owner.getName() + "." + name;
    if (candidates.size() != 1) {
      throw new IllegalArgumentException(
          candidates.isEmpty()
              ? "no @ComponentFunction method " + culprit
              : "@ComponentFunction " + culprit + " is overloaded; give each its own name");
    }
    Method method = candidates.get(0);
    int modifiers = method.getModifiers();
    if (!Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) {
      throw new IllegalArgumentException(
          "@ComponentFunction " + culprit + " must be public static");
    }
    String annotated = method.getAnnotation(ComponentFunction.class).value();
    return new FunctionComponent(
        method, specOf(method, culprit), annotated.isEmpty() ? name : annotated);
  }

  private static ComponentSpec specOf(Method method, String culprit) {
    ComponentSpec.Builder spec = ComponentSpec.builder();
    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
      InputArtifact input = parameter.getAnnotation(InputArtifact.class);
      OutputArtifact output = parameter.getAnnotation(OutputArtifact.class);
      Parameter plain = parameter.getAnnotation(Parameter.class);
      long marks = java.util.stream.Stream.of(input, output, plain).filter(a -> a != null).count();
      if (marks != 1) {
        throw new IllegalArgumentException(
            "parameter '"
                + parameter.getName()
                + "' of @ComponentFunction "
                + culprit
                + " must be annotated with exactly one of @InputArtifact, @OutputArtifact,"
                + " @Parameter");
      }
      if (input != null || output != null) {
        if (!Artifact.class.isAssignableFrom(parameter.getType())) {
          throw new IllegalArgumentException(
              "parameter '"
                  + parameter.getName()
                  + "' of "
                  + culprit
                  + " is an artifact, so its type must extend Artifact, not "
                  + parameter.getType().getName());
        }
        Class<? extends Artifact> type = parameter.getType().asSubclass(Artifact.class);
        if (input != null && input.optional()) {
          spec.optionalInput(input.value(), type);
        } else if (input != null) {
          spec.input(input.value(), type);
        } else {
          spec.output(output.value(), type);
        }
      } else if (plain.optional()) {
        spec.optionalParameter(plain.value(), parameter.getType());
      } else {
        spec.parameter(plain.value(), parameter.getType());
      }
    }
    return spec.build();
  }

  /** Binds {@code channel} to input {@code key}. */
  public FunctionComponent input(String key, Channel<?> channel) {
    bindInput(key, channel);
    return this;
  }

  /** Sets parameter {@code name}. */
  public FunctionComponent parameter(String name, Object value) {
    bindParameter(name, value);
    return this;
  }

  @Override
  public FunctionComponent withId(String id) {
    super.withId(id);
    return this;
  }

  @Override
  public String componentType() {
    return typeName;
  }

  /** The method this component calls. */
  public Method method() {
    return method;
  }

  @Override
  public ComponentExecutor executor() {
    return context -> {
      List<Object> arguments = new ArrayList<>();
      for (java.lang.reflect.Parameter parameter : method.getParameters()) {
        arguments.add(argumentFor(parameter, context));
      }
      try {
        method.invoke(null, arguments.toArray());
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
  }

  private static Object argumentFor(
      java.lang.reflect.Parameter parameter, ExecutorContext context) {
    InputArtifact input = parameter.getAnnotation(InputArtifact.class);
    if (input != null) {
      List<Artifact> artifacts = context.inputs(input.value());
      return artifacts.isEmpty() ? null : context.input(input.value(), artifactType(parameter));
    }
    OutputArtifact output = parameter.getAnnotation(OutputArtifact.class);
    if (output != null) {
      return context.output(output.value(), artifactType(parameter));
    }
    return context.parameter(parameter.getAnnotation(Parameter.class).value(), parameter.getType());
  }

  private static Class<? extends Artifact> artifactType(java.lang.reflect.Parameter parameter) {
    return parameter.getType().asSubclass(Artifact.class);
  }
}
