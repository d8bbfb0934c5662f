package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;

/** Pages of jobs ({@code job}) for the API, filtered, ordered and counted in SQL. */
public final class JobListing {
  private static final RowMapper<JobRecord> MAPPER =
      (rs, ctx) ->
          new JobRecord(
              rs.getLong("id"),
              rs.getString("dag_id"),
              JobState.fromValue(rs.getString("state")),
              rs.getString("job_type"),
              Times.get(rs, "start_date"),
              Times.get(rs, "end_date"),
              Times.get(rs, "latest_heartbeat"),
              rs.getString("executor_class"),
              rs.getString("hostname"),
              rs.getString("unixname"));

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
            MAPPER);
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
