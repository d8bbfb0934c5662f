package dev.updraft.sdk.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link ComponentFunction} parameter as a plain execution parameter (a string, number,
 * boolean, list or map).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Parameter {
  /** The parameter name. */
  String value();

  /** Whether the function runs without this parameter (it then receives {@code null}). */
  boolean optional() default false;
}
