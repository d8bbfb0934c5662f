package dev.updraft.sdk.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link ComponentFunction} parameter as an output artifact the function writes; its type
 * is a subclass of {@code Artifact}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface OutputArtifact {
  /** The output key. */
  String value();
}
