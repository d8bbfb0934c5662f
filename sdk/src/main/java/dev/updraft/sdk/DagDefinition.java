package dev.updraft.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link DagFactory} for discovery. The annotation processor in {@code
 * updraft-sdk-processor} registers it in {@code META-INF/services/dev.updraft.sdk.DagFactory} and
 * fails the build if the class is abstract, not public, lacks a public no-argument constructor or
 * does not implement {@link DagFactory}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DagDefinition {}
