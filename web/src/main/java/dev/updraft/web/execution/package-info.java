/**
 * Airflow 3's Task Execution API: the HTTP routes a task runner calls to start its try, report its
 * state, heartbeat, and read and write XComs and variables. Every request carries a short-lived
 * per-try JWT whose subject is the task instance id.
 */
package dev.updraft.web.execution;
