package dev.updraft.sdk.task;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a Java task (Airflow's TaskFlow {@code @task}). Add it to a DAG with a method
 * reference, {@code dag.task(MyDag::extract)}; its parameters take upstream XComs and its return
 * value becomes its own XCom. Behaviour (retries, pools, …) is set on the returned handle.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Task {
  /** The task id; the method name when empty. */
  String value() default "";
}
