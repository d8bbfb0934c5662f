package dev.updraft.processor;

import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Checks {@code @Component} classes and {@code @ComponentFunction} methods. */
final class ComponentChecks {
  private static final List<String> PARAMETER_ANNOTATIONS =
      List.of(Names.INPUT_ARTIFACT, Names.OUTPUT_ARTIFACT, Names.PARAMETER);

  private final ModelSupport model;

  ComponentChecks(ModelSupport model) {
    this.model = model;
  }

  void check(RoundEnvironment round) {
    TypeElement baseComponent = model.type(Names.BASE_COMPONENT);
    for (Element element : model.annotatedWith(round, Names.COMPONENT)) {
      if (element instanceof TypeElement type) {
        checkComponent(type, baseComponent);
      }
    }
    TypeElement artifact = model.type(Names.ARTIFACT);
    for (Element element : model.annotatedWith(round, Names.COMPONENT_FUNCTION)) {
      if (element instanceof ExecutableElement method) {
        checkFunction(method, artifact);
      }
    }
  }

  private void checkComponent(TypeElement type, TypeElement baseComponent) {
    String name = type.getQualifiedName().toString();
    if (baseComponent != null
        && !model.hasUnresolvedSupertype(type)
        && !model.isSubtype(type.asType(), baseComponent)) {
      model.error(
          type,
          "@Component %s does not extend %s; extend it, or use @ComponentFunction on a static"
              + " method",
          name,
          Names.BASE_COMPONENT);
    }
    if (ModelSupport.isAbstract(type)) {
      model.error(
          type,
          "@Component class %s is abstract; abstract base components are extended, not"
              + " annotated; annotate the concrete subclass",
          name);
    }
  }

  private void checkFunction(ExecutableElement method, TypeElement artifact) {
    String name = ModelSupport.methodName(method);
    if (!ModelSupport.isPublic(method) || !method.getModifiers().contains(Modifier.STATIC)) {
      model.error(
          method,
          "@ComponentFunction %s must be public static, since it is called without an instance;"
              + " make it public static",
          name);
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      model.error(
          method,
          "@ComponentFunction %s must return void; write results to its @OutputArtifact"
              + " parameters instead",
          name);
    }
    for (VariableElement parameter : method.getParameters()) {
      checkParameter(parameter, name, artifact);
    }
  }

  private void checkParameter(VariableElement parameter, String function, TypeElement artifact) {
    List<String> present =
        PARAMETER_ANNOTATIONS.stream().filter(a -> model.hasAnnotation(parameter, a)).toList();
    String name = parameter.getSimpleName().toString();
    if (present.isEmpty()) {
      model.error(
          parameter,
          "parameter '%s' of @ComponentFunction %s has none of @InputArtifact, @OutputArtifact,"
              + " @Parameter; annotate it with one",
          name,
          function);
      return;
    }
    if (present.size() > 1) {
      model.error(
          parameter,
          "parameter '%s' of @ComponentFunction %s has more than one of @InputArtifact,"
              + " @OutputArtifact, @Parameter; keep exactly one",
          name,
          function);
    }
    boolean isArtifactParameter =
        present.contains(Names.INPUT_ARTIFACT) || present.contains(Names.OUTPUT_ARTIFACT);
    if (isArtifactParameter
        && artifact != null
        && parameter.asType().getKind() != TypeKind.ERROR
        && !model.isSubtype(parameter.asType(), artifact)) {
      model.error(
          parameter,
          "parameter '%s' of @ComponentFunction %s is an artifact, but its type %s does not"
              + " extend %s; use an Artifact subclass, or @Parameter for a plain value",
          name,
          function,
          parameter.asType(),
          Names.ARTIFACT);
    }
  }
}
