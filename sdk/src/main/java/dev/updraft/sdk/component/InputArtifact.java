package dev.updraft.sdk.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link ComponentFunction} parameter as an input artifact; its type is a subclass of
 * {@code Artifact}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface InputArtifact {
  /** The input key. */
  String value();

  /** Whether the function runs without this input (it then receives {@code null}). */
  boolean optional() default false;
}
