package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.SqlFilter;
import dev.updraft.metadata.state.internal.Times;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reads {@code dag_version}, which {@link DagRepository#upsert} writes. */
public final class DagVersionRepository {
  private static final RowMapper<DagVersionRecord> MAPPER =
      (rs, ctx) ->
          new DagVersionRecord(
              rs.getObject("id", UUID.class),
              rs.getInt("version_number"),
              rs.getString("dag_id"),
              rs.getString("bundle_name"),
              rs.getString("bundle_version"),
              rs.getString("hash"),
              Times.get(rs, "created_at"));

  private final MetadataDatabase db;

  public DagVersionRepository(MetadataDatabase db) {
    this.db = db;
  }

  /** The versions with ids {@code ids}, in no particular order. */
  public List<DagVersionRecord> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM dag_version WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map(MAPPER)
                .list());
  }

  /** Version {@code versionNumber} of {@code dagId}, or its latest when that is {@code null}. */
  public Optional<DagVersionRecord> find(String dagId, Integer versionNumber) {
    String sql =
        versionNumber == null
            ? "SELECT * FROM dag_version WHERE dag_id = :dagId"
                + " ORDER BY version_number DESC LIMIT 1"
            : "SELECT * FROM dag_version WHERE dag_id = :dagId AND version_number = :number";
    return db.withHandle(
        handle -> {
          var q = handle.createQuery(sql).bind("dagId", dagId);
          if (versionNumber != null) {
            q.bind("number", versionNumber);
          }
          return q.map(MAPPER).findOne();
        });
  }

  /** The page {@code query} asks for. */
  public List<DagVersionRecord> page(DagVersionQuery query) {
    String order =
        SqlFilter.orderByThenId(
            query.orderBy().stream()
                .map(o -> SqlFilter.nullsAsPostgres(o.column(), o.descending())),
            query.orderBy().stream().anyMatch(o -> o.column().equals("id")));
    return where(query)
        .page(db, "SELECT * FROM dag_version", order, query.limit(), query.offset(), MAPPER);
  }

  /** How many versions {@code query} matches, ignoring its page. */
  public long count(DagVersionQuery query) {
    return where(query).count(db, "FROM dag_version");
  }

  private static SqlFilter where(DagVersionQuery query) {
    return new SqlFilter()
        .equal("dag_id", query.dagId())
        .equal("version_number", query.versionNumber())
        .equal("bundle_name", query.bundleName())
        .equal("bundle_version", query.bundleVersion());
  }
}
