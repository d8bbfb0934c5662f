package dev.updraft.processor;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Checks {@code @DagDefinition} classes, which the DAG bag instantiates through {@code
 * ServiceLoader}, and finds {@code DagFactory} implementations that forgot the annotation.
 */
final class DagDefinitionChecks {
  private final ModelSupport model;

  DagDefinitionChecks(ModelSupport model) {
    this.model = model;
  }

  /**
   * Reports every problem of this round and returns the binary names of the valid
   * {@code @DagDefinition} classes, to be listed in the services file.
   */
  Set<String> check(RoundEnvironment round) {
    TypeElement dagFactory = model.type(Names.DAG_FACTORY);
    Set<String> valid = new TreeSet<>();
    for (Element element : model.annotatedWith(round, Names.DAG_DEFINITION)) {
      if (element instanceof TypeElement type && checkDefinition(type, dagFactory)) {
        valid.add(model.binaryName(type));
      }
    }
    if (dagFactory != null) {
      for (TypeElement type : model.allTypes(round)) {
        checkNotForgotten(type, dagFactory);
      }
    }
    return valid;
  }

  private boolean checkDefinition(TypeElement type, TypeElement dagFactory) {
    String name = type.getQualifiedName().toString();
    if (!ModelSupport.isClassOrRecord(type)) {
      model.error(
          type,
          "@DagDefinition %s is not a class; annotate the concrete class that implements"
              + " DagFactory",
          name);
      return false;
    }
    boolean ok = true;
    if (!ModelSupport.isPublic(type)) {
      model.error(
          type,
          "@DagDefinition class %s is not public, so the DAG bag cannot instantiate it; make it"
              + " public",
          name);
      ok = false;
    }
    if (ModelSupport.isAbstract(type)) {
      model.error(
          type,
          "@DagDefinition class %s is abstract, so the DAG bag cannot instantiate it; annotate a"
              + " concrete subclass instead",
          name);
      ok = false;
    }
    if (!ModelSupport.isTopLevelOrStatic(type)) {
      model.error(
          type,
          "@DagDefinition class %s is an inner class, so the DAG bag cannot instantiate it; make"
              + " it static or move it to the top level",
          name);
      ok = false;
    }
    if (!ModelSupport.hasPublicNoArgConstructor(type)) {
      model.error(
          type,
          "@DagDefinition class %s has no public no-argument constructor, so the DAG bag cannot"
              + " instantiate it; add one",
          name);
      ok = false;
    }
    if (dagFactory != null
        && !model.hasUnresolvedSupertype(type)
        && !model.isSubtype(type.asType(), dagFactory)) {
      model.error(
          type,
          "@DagDefinition class %s does not implement %s; implement it, its create() method"
              + " builds the DAG",
          name,
          Names.DAG_FACTORY);
      ok = false;
    }
    return ok;
  }

  private void checkNotForgotten(TypeElement type, TypeElement dagFactory) {
    if (ModelSupport.isClassOrRecord(type)
        && !ModelSupport.isAbstract(type)
        && !model.hasAnnotation(type, Names.DAG_DEFINITION)
        && !model.hasUnresolvedSupertype(type)
        && model.isSubtype(type.asType(), dagFactory)) {
      model.error(
          type,
          "class %s implements DagFactory but is not annotated @DagDefinition, so the DAG bag"
              + " would never find it; annotate it @DagDefinition",
          type.getQualifiedName());
    }
  }
}
