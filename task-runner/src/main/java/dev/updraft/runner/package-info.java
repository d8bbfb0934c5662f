/**
 * The task runner: the process that runs task tries away from the scheduler, holding no database
 * credentials. {@link dev.updraft.runner.RunnerMain} reads assignments (a try's ids, its token, the
 * execution API's URL, the DAG source and the log file) from stdin, loads the DAG in a class loader
 * of its own, and runs the try through Airflow 3's Task Execution API: {@code /run}, heartbeats,
 * XComs and Updraft's {@code /execution/artifacts} routes, rendered fields, skip-downstream and the
 * final state. Executors (local child JVMs today; containers and pods later) differ only in how
 * they start and stop it.
 */
package dev.updraft.runner;
