package dev.updraft.metadata.state.internal;

import dev.updraft.metadata.state.TaskInstanceRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps {@code task_instance} rows, and {@code task_instance_history} rows whose task instance id is
 * in another column.
 */
public final class TaskInstanceRowMapper implements RowMapper<TaskInstanceRecord> {
  /** The columns both tables share, in one order, for copying a try into the history. */
  public static final String SHARED_COLUMNS =
      "dag_id, run_id, task_id, map_index, try_number, max_tries, state, start_date, end_date,"
          + " duration, hostname, pid, pool, pool_slots, queue, priority_weight, operator,"
          + " executor, queued_dttm, scheduled_dttm, rendered_fields, note, external_executor_id,"
          + " updated_at, version";

  private final String idColumn;

  /** Maps rows whose task instance id is in {@code idColumn}. */
  public TaskInstanceRowMapper(String idColumn) {
    this.idColumn = idColumn;
  }

  @Override
  public TaskInstanceRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new TaskInstanceRecord(
        rs.getObject(idColumn, UUID.class),
        rs.getString("dag_id"),
        rs.getString("run_id"),
        rs.getString("task_id"),
        rs.getInt("map_index"),
        rs.getInt("try_number"),
        rs.getInt("max_tries"),
        States.taskState(rs.getString("state")),
        Times.get(rs, "start_date"),
        Times.get(rs, "end_date"),
        rs.getObject("duration", Double.class),
        rs.getString("hostname"),
        rs.getObject("pid", Integer.class),
        rs.getString("pool"),
        rs.getInt("pool_slots"),
        rs.getString("queue"),
        rs.getObject("priority_weight", Integer.class),
        rs.getString("operator"),
        rs.getString("executor"),
        Times.get(rs, "queued_dttm"),
        Times.get(rs, "scheduled_dttm"),
        rs.getString("rendered_fields"),
        rs.getString("note"),
        rs.getString("external_executor_id"),
        Times.get(rs, "updated_at"),
        rs.getInt("version"));
  }
}
