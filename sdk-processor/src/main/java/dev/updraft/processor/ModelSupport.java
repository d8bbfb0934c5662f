package dev.updraft.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/** Queries on the language model shared by the checks, plus error reporting. */
final class ModelSupport {
  private final Elements elements;
  private final Types types;
  private final Messager messager;

  ModelSupport(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.messager = env.getMessager();
  }

  /** The type named {@code name}, or {@code null} when the SDK is not on the classpath. */
  TypeElement type(String name) {
    return elements.getTypeElement(name);
  }

  /** The elements of this round annotated with the annotation named {@code annotationName}. */
  Set<? extends Element> annotatedWith(RoundEnvironment round, String annotationName) {
    TypeElement annotation = type(annotationName);
    return annotation == null ? Set.of() : round.getElementsAnnotatedWith(annotation);
  }

  /** Every class, interface, enum and record of this round, nested ones included. */
  List<TypeElement> allTypes(RoundEnvironment round) {
    List<TypeElement> all = new ArrayList<>();
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      collect(type, all);
    }
    return all;
  }

  private static void collect(TypeElement type, List<TypeElement> into) {
    into.add(type);
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(nested, into);
    }
  }

  boolean hasAnnotation(Element element, String annotationName) {
    return element.getAnnotationMirrors().stream()
        .map(mirror -> (TypeElement) mirror.getAnnotationType().asElement())
        .anyMatch(annotation -> annotation.getQualifiedName().contentEquals(annotationName));
  }

  /** Whether {@code type} is {@code supertype} or a subtype of it, ignoring type arguments. */
  boolean isSubtype(TypeMirror type, TypeElement supertype) {
    return types.isSubtype(types.erasure(type), types.erasure(supertype.asType()));
  }

  /**
   * Whether some supertype of {@code type} could not be resolved. Subtype checks on such a type
   * would give false errors; javac reports the missing type itself.
   */
  boolean hasUnresolvedSupertype(TypeElement type) {
    for (TypeMirror supertype : types.directSupertypes(type.asType())) {
      if (supertype.getKind() == TypeKind.ERROR
          || (supertype.getKind() == TypeKind.DECLARED
              && hasUnresolvedSupertype((TypeElement) types.asElement(supertype)))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is a class or record (the kinds that can be instantiated by name). */
  static boolean isClassOrRecord(TypeElement type) {
    return type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
  }

  static boolean isAbstract(Element element) {
    return element.getModifiers().contains(Modifier.ABSTRACT);
  }

  static boolean isPublic(Element element) {
    return element.getModifiers().contains(Modifier.PUBLIC);
  }

  /** Whether {@code type} is top-level or static nested: an inner class needs an outer instance. */
  static boolean isTopLevelOrStatic(TypeElement type) {
    return type.getNestingKind() == NestingKind.TOP_LEVEL
        || (type.getNestingKind() == NestingKind.MEMBER
            && type.getModifiers().contains(Modifier.STATIC));
  }

  /** Whether {@code type} has a public constructor without parameters, declared or implicit. */
  static boolean hasPublicNoArgConstructor(TypeElement type) {
    // javac models the implicit default constructor as an element too.
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && isPublic(constructor)) {
        return true;
      }
    }
    return false;
  }

  /** The name used in messages for a method: its class's qualified name, a dot, its name. */
  static String methodName(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName()
        + "."
        + method.getSimpleName();
  }

  /** The binary name, as {@code Class.forName} and {@code ServiceLoader} expect it. */
  String binaryName(TypeElement type) {
    return elements.getBinaryName(type).toString();
  }

  void error(Element element, String format, Object... args) {
    messager.printMessage(Diagnostic.Kind.ERROR, String.format(format, args), element);
  }
}
