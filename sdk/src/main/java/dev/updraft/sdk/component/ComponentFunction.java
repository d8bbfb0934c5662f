package dev.updraft.sdk.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a public static method a component (as TFX's {@code @component} does): each parameter is an
 * {@link InputArtifact}, an {@link OutputArtifact} or a {@link Parameter}. Use it through {@link
 * FunctionComponent#of(Class, String)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ComponentFunction {
  /** The component type name; the method name when empty. */
  String value() default "";
}
