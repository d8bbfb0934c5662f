package dev.updraft.sdk.component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a component class (a concrete subclass of {@link BaseComponent}); the name is the default
 * node id and the component type recorded in lineage. The annotation processor rejects abstract or
 * non-component classes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Component {
  /** The component type name; the simple class name when empty. */
  String value() default "";
}
