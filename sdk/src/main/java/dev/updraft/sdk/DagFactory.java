package dev.updraft.sdk;

/**
 * Creates one DAG. Implementations annotated {@link DagDefinition} are found by the DAG bag through
 * the {@code META-INF/services} entry the SDK's annotation processor writes at compile time.
 *
 * <p>The factory is called again in every process that runs one of the DAG's tasks (as Airflow
 * re-parses a DAG file in its task runner), so it must be deterministic and cheap: build the DAG,
 * do no work.
 */
public interface DagFactory {
  /** Builds the DAG. */
  Dag create();
}
