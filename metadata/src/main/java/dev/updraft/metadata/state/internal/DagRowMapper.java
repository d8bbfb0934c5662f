package dev.updraft.metadata.state.internal;

import dev.updraft.metadata.state.DagRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps {@code dag} rows, taking each DAG's tags from a map loaded beforehand. */
public final class DagRowMapper implements RowMapper<DagRecord> {
  private final Map<String, List<String>> tagsByDag;

  public DagRowMapper(Map<String, List<String>> tagsByDag) {
    this.tagsByDag = tagsByDag;
  }

  @Override
  public DagRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    String dagId = rs.getString("dag_id");
    return new DagRecord(
        dagId,
        rs.getBoolean("is_paused"),
        rs.getBoolean("is_stale"),
        rs.getString("fileloc"),
        rs.getString("owners"),
        rs.getString("description"),
        rs.getString("timetable_summary"),
        rs.getObject("max_active_runs", Integer.class),
        rs.getInt("max_active_tasks"),
        rs.getBoolean("has_import_errors"),
        Times.get(rs, "next_dagrun"),
        Times.get(rs, "next_dagrun_data_interval_start"),
        Times.get(rs, "next_dagrun_data_interval_end"),
        Times.get(rs, "next_dagrun_create_after"),
        Times.get(rs, "last_parsed_time"),
        tagsByDag.getOrDefault(dagId, List.of()));
  }
}
