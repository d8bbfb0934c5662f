package dev.updraft.scheduler.timetable;

import java.util.Map;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job behind every scheduled DAG: hands the fire time to that DAG's {@link DueRuns}.
 * Concurrent fires of one DAG's triggers run one after the other.
 */
@DisallowConcurrentExecution
final class RunRequestJob implements Job {
  private final Map<String, DueRuns> scheduled;

  RunRequestJob(Map<String, DueRuns> scheduled) {
    this.scheduled = scheduled;
  }

  @Override
  public void execute(JobExecutionContext context) {
    String dagId = context.getMergedJobDataMap().getString(RunRequestScheduler.DAG_ID);
    DueRuns dueRuns =
        scheduled.get(dagId != null ? dagId : context.getJobDetail().getKey().getName());
    if (dueRuns != null) {
      dueRuns.fire(context.getScheduledFireTime().toInstant());
    }
  }
}
