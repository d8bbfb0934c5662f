package dev.updraft.scheduler.timetable;

/** Receives the "create this DAG run" requests of a {@link RunRequestScheduler}. */
@FunctionalInterface
public interface RunRequestSink {

  /**
   * Asks for an automated run of {@code dagId}. Requests for one DAG arrive one at a time, in
   * logical-date order, each logical date once per scheduling; the receiver should still tolerate a
   * run that already exists (after a restart, say).
   */
  void requestRun(String dagId, DagRunInfo info);
}
