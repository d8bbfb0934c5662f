/**
 * The scheduling loop: takes queued DAG runs into running, decides their task instances with the
 * pure rules of {@link dev.updraft.scheduler.decide}, queues what may run onto a {@link
 * dev.updraft.scheduler.loop.TaskExecutor}, and finishes runs. All state lives in the metadata
 * database; runs are taken with {@code SELECT … FOR UPDATE SKIP LOCKED} so that several schedulers
 * can share one database.
 */
package dev.updraft.scheduler.loop;
