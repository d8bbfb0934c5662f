package dev.updraft.sdk.artifact;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an artifact type, as TFX's {@code TYPE_NAME} does. Every concrete subclass of {@link
 * Artifact} carries one; the name is what the metadata store records and what channels compare.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ArtifactType {
  /** The type's name, e.g. {@code Examples}. */
  String value();
}
