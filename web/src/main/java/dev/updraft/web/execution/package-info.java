/**
 * Airflow 3's Task Execution API: the HTTP routes a task runner calls to start its try, report its
 * state, heartbeat (recorded in {@code task_instance.last_heartbeat_at}), store its rendered
 * fields, skip the tasks a branch did not choose, and read and write XComs, variables and
 * connections. Every request carries a short-lived per-try JWT whose subject is the task instance
 * id.
 *
 * <p>Updraft adds {@code /execution/artifacts/...}, with no Airflow counterpart, so that a runner
 * in another process records component executions and artifacts with lineage (see {@link
 * dev.updraft.web.execution.ArtifactService}); a runner never holds database credentials.
 */
package dev.updraft.web.execution;
