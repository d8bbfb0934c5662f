package dev.updraft.processor;

import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Checks {@code @ArtifactType} classes, which the runtime creates by type with their public
 * no-argument constructor, and finds {@code Artifact} subclasses that forgot the annotation.
 */
final class ArtifactTypeChecks {
  private final ModelSupport model;

  ArtifactTypeChecks(ModelSupport model) {
    this.model = model;
  }

  void check(RoundEnvironment round) {
    TypeElement artifact = model.type(Names.ARTIFACT);
    for (Element element : model.annotatedWith(round, Names.ARTIFACT_TYPE)) {
      if (element instanceof TypeElement type) {
        checkArtifactType(type, artifact);
      }
    }
    if (artifact != null) {
      for (TypeElement type : model.allTypes(round)) {
        checkNotForgotten(type, artifact);
      }
    }
  }

  private void checkArtifactType(TypeElement type, TypeElement artifact) {
    String name = type.getQualifiedName().toString();
    if (!ModelSupport.isClassOrRecord(type)
        || (artifact != null
            && !model.hasUnresolvedSupertype(type)
            && !model.isSubtype(type.asType(), artifact))) {
      model.error(type, "@ArtifactType %s does not extend %s; extend it", name, Names.ARTIFACT);
      return;
    }
    if (!ModelSupport.isPublic(type)) {
      model.error(
          type,
          "@ArtifactType class %s is not public, so the runtime cannot create it; make it public",
          name);
    }
    if (ModelSupport.isAbstract(type)) {
      model.error(
          type,
          "@ArtifactType class %s is abstract, so the runtime cannot create it; annotate a"
              + " concrete subclass instead",
          name);
    }
    if (!ModelSupport.isTopLevelOrStatic(type)) {
      model.error(
          type,
          "@ArtifactType class %s is an inner class, so the runtime cannot create it; make it"
              + " static or move it to the top level",
          name);
    }
    if (!ModelSupport.hasPublicNoArgConstructor(type)) {
      model.error(
          type,
          "@ArtifactType class %s has no public no-argument constructor, so the runtime cannot"
              + " create it; add one",
          name);
    }
  }

  private void checkNotForgotten(TypeElement type, TypeElement artifact) {
    if (ModelSupport.isClassOrRecord(type)
        && !ModelSupport.isAbstract(type)
        && !type.equals(artifact)
        && !model.hasAnnotation(type, Names.ARTIFACT_TYPE)
        && !model.hasUnresolvedSupertype(type)
        && model.isSubtype(type.asType(), artifact)) {
      model.error(
          type,
          "class %s extends Artifact but is not annotated @ArtifactType, so it has no type name;"
              + " annotate it @ArtifactType(\"...\")",
          type.getQualifiedName());
    }
  }
}
