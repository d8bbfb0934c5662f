package dev.updraft.metadata.state.internal;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunType;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps {@code dag_run} rows. */
public final class DagRunRowMapper implements RowMapper<DagRunRecord> {
  @Override
  public DagRunRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DagRunRecord(
        rs.getLong("id"),
        rs.getString("dag_id"),
        rs.getString("run_id"),
        DagRunType.fromValue(rs.getString("run_type")),
        States.dagRunState(rs.getString("state")),
        Times.get(rs, "logical_date"),
        Times.get(rs, "data_interval_start"),
        Times.get(rs, "data_interval_end"),
        Times.get(rs, "run_after"),
        rs.getString("conf"),
        rs.getString("triggered_by"),
        rs.getString("note"),
        Times.get(rs, "queued_at"),
        Times.get(rs, "start_date"),
        Times.get(rs, "end_date"),
        Times.get(rs, "last_scheduling_decision"),
        Times.get(rs, "created_at"),
        Times.get(rs, "updated_at"));
  }
}
