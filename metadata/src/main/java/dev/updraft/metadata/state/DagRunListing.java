package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.DagRunRowMapper;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads DAG runs for the API: filtered, sorted and paged pages with exact totals. */
public final class DagRunListing {
  /** A run's duration in seconds; NULL until it has both a start and an end. */
  static final String DURATION_SQL =
      "(EXTRACT(EPOCH FROM end_date) - EXTRACT(EPOCH FROM start_date))";

  /** The sort names the API allows, mapped to their SQL. */
  public static final Map<String, String> SORTABLE =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("state", "state"),
          Map.entry("dag_id", "dag_id"),
          Map.entry("run_id", "run_id"),
          Map.entry("logical_date", "logical_date"),
          Map.entry("run_after", "run_after"),
          Map.entry("start_date", "start_date"),
          Map.entry("end_date", "end_date"),
          Map.entry("updated_at", "updated_at"),
          Map.entry("conf", "conf"),
          Map.entry("duration", DURATION_SQL));

  private static final RowMapper<DagRunView> MAPPER = new ViewMapper();

  private final MetadataDatabase db;

  public DagRunListing(MetadataDatabase db) {
    this.db = db;
  }

  /** The run {@code runId} of {@code dagId}, if it exists. */
  public Optional<DagRunView> find(String dagId, String runId) {
    return db.withHandle(
            handle ->
                handle
                    .createQuery("SELECT * FROM dag_run WHERE dag_id = :dagId AND run_id = :runId")
                    .bind("dagId", dagId)
                    .bind("runId", runId)
                    .map(MAPPER)
                    .findOne())
        .map(view -> withVersions(List.of(view)).getFirst());
  }

  /** One page of the runs {@code query} selects, in its order. */
  public List<DagRunView> page(DagRunQuery query) {
    List<String> keys = new ArrayList<>();
    for (DagRunQuery.Order order : query.order()) {
      String column = SORTABLE.get(order.column());
      if (column == null) {
        throw new IllegalArgumentException("cannot sort runs by '" + order.column() + "'");
      }
      keys.add(SqlFilter.nullsAsPostgres(column, order.descending()));
    }
    String orderBy =
        SqlFilter.orderByThenId(
            keys.stream(), query.order().stream().anyMatch(o -> o.column().equals("id")));
    return withVersions(
        where(query)
            .page(db, "SELECT * FROM dag_run", orderBy, query.limit(), query.offset(), MAPPER));
  }

  /** The runs with their creation-time DAG versions, read in one query for all of them. */
  private List<DagRunView> withVersions(List<DagRunView> views) {
    Set<UUID> ids = new HashSet<>();
    views.forEach(view -> ids.add(view.createdDagVersionId()));
    ids.remove(null);
    if (ids.isEmpty()) {
      return views;
    }
    Map<UUID, DagVersionRecord> versions = new HashMap<>();
    for (DagVersionRecord version : new DagVersionRepository(db).findAll(ids)) {
      versions.put(version.id(), version);
    }
    return views.stream()
        .map(view -> view.withCreatedDagVersion(versions.get(view.createdDagVersionId())))
        .toList();
  }

  /** How many runs {@code query} selects across all pages. */
  public long count(DagRunQuery query) {
    return where(query).count(db, "FROM dag_run");
  }

  private static SqlFilter where(DagRunQuery query) {
    SqlFilter filter = new SqlFilter();
    if (query.matchNothing()) {
      filter.raw("1 = 0");
    }
    filter
        .in("dag_id", query.dagIds(), false)
        .likeAny("dag_id", query.dagIdPatterns())
        .in("state", query.states(), false)
        .in("run_type", query.runTypes(), false)
        .likeAny("run_id", query.runIdPatterns())
        .likeAny("triggering_user_name", query.userPatterns())
        .in(
            "(SELECT v.version_number FROM dag_version v"
                + " WHERE v.id = dag_run.created_dag_version_id)",
            query.dagVersions(),
            false);
    for (DagRunQuery.Bound bound : query.bounds()) {
      filter.withValue(
          bound.field().sql() + " " + bound.comparison().sql() + " ?",
          bound.field() == DagRunQuery.Field.DURATION ? bound.seconds() : Times.arg(bound.time()));
    }
    if (query.confContains() != null) {
      filter.withValue("conf LIKE ?", "%" + query.confContains() + "%");
    }
    return filter;
  }

  private static final class ViewMapper implements RowMapper<DagRunView> {
    private final DagRunRowMapper runs = new DagRunRowMapper();

    @Override
    public DagRunView map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
        throws SQLException {
      long backfillId = rs.getLong("backfill_id");
      Long backfill = rs.wasNull() ? null : backfillId;
      return new DagRunView(
          runs.map(rs, ctx),
          rs.getString("triggering_user_name"),
          backfill,
          rs.getObject("created_dag_version_id", UUID.class),
          null);
    }
  }
}
