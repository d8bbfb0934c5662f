package dev.updraft.processor;

import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/** Checks {@code @Task} methods, which the DAG calls through a method reference. */
final class TaskChecks {
  private final ModelSupport model;

  TaskChecks(ModelSupport model) {
    this.model = model;
  }

  void check(RoundEnvironment round) {
    for (Element element : model.annotatedWith(round, Names.TASK)) {
      if (element instanceof ExecutableElement method) {
        checkMethod(method);
      }
    }
  }

  private void checkMethod(ExecutableElement method) {
    String name = ModelSupport.methodName(method);
    if (ModelSupport.isAbstract(method)) {
      model.error(
          method, "@Task method %s is abstract; a task needs a body, so implement it", name);
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      model.error(
          method,
          "@Task method %s is private, so the DAG cannot reference it; make it at least"
              + " package-private",
          name);
    }
    if (method.getReturnType().getKind() == TypeKind.VOID) {
      model.error(
          method,
          "@Task method %s returns void, but a @Task method must return a value, which becomes"
              + " its XCom; return a value",
          name);
    }
  }
}
