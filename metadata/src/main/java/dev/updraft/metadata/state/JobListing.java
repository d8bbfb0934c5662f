package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;

/** Pages of jobs ({@code job}) for the API, filtered, ordered and counted in SQL. */
public final class JobListing {
  private final MetadataDatabase db;

  public JobListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The page {@code query} asks for. */
  public List<JobRecord> page(JobQuery query) {
    List<String> keys =
        query.orderBy().stream()
            .map(o -> o.column() + (o.descending() ? " DESC" : " ASC"))
            .toList();
    return filter(query)
        .page(
            db,
            "SELECT * FROM job",
            SqlFilter.orderBy(keys),
            query.limit(),
            query.offset(),
            JobRepository.MAPPER);
  }

  /** How many jobs {@code query} matches, ignoring its limit and offset. */
  public long count(JobQuery query) {
    return filter(query).count(db, "FROM job");
  }

  private static SqlFilter filter(JobQuery q) {
    SqlFilter filter =
        new SqlFilter()
            .equal("state", q.state())
            .equal("job_type", q.jobType())
            .equal("hostname", q.hostname())
            .equal("executor_class", q.executorClass());
    range(filter, "start_date", q.startDate());
    range(filter, "end_date", q.endDate());
    if (q.alive() != null) {
      String alive = "(state = 'running' AND latest_heartbeat > ?)";
      filter.withValue(q.alive() ? alive : "NOT " + alive, Times.arg(q.aliveSince()));
    }
    return filter;
  }

  private static void range(SqlFilter filter, String column, JobQuery.Range range) {
    if (range != null) {
      filter
          .compare(column, ">=", range.gte())
          .compare(column, ">", range.gt())
          .compare(column, "<=", range.lte())
          .compare(column, "<", range.lt());
    }
  }
}
