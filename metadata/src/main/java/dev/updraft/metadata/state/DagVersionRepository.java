package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

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
    StringBuilder order = new StringBuilder();
    boolean byId = false;
    for (DagVersionQuery.Order o : query.orderBy()) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append(o.column());
      order.append(o.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST");
      byId |= o.column().equals("id");
    }
    if (!byId) {
      order.append(order.isEmpty() ? " ORDER BY " : ", ").append("id ASC");
    }
    String sql =
        "SELECT * FROM dag_version" + where(query) + order + " LIMIT :limit OFFSET :offset";
    return db.withHandle(
        handle -> {
          var q =
              handle.createQuery(sql).bind("limit", query.limit()).bind("offset", query.offset());
          bind(q, query);
          return q.map(MAPPER).list();
        });
  }

  /** How many versions {@code query} matches, ignoring its page. */
  public long count(DagVersionQuery query) {
    return db.withHandle(
        handle -> {
          var q = handle.createQuery("SELECT COUNT(*) FROM dag_version" + where(query));
          bind(q, query);
          return q.mapTo(Long.class).one();
        });
  }

  private static String where(DagVersionQuery query) {
    List<String> conditions = new ArrayList<>();
    if (query.dagId() != null) {
      conditions.add("dag_id = :dagId");
    }
    if (query.versionNumber() != null) {
      conditions.add("version_number = :versionNumber");
    }
    if (query.bundleName() != null) {
      conditions.add("bundle_name = :bundleName");
    }
    if (query.bundleVersion() != null) {
      conditions.add("bundle_version = :bundleVersion");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static void bind(SqlStatement<?> q, DagVersionQuery query) {
    if (query.dagId() != null) {
      q.bind("dagId", query.dagId());
    }
    if (query.versionNumber() != null) {
      q.bind("versionNumber", query.versionNumber());
    }
    if (query.bundleName() != null) {
      q.bind("bundleName", query.bundleName());
    }
    if (query.bundleVersion() != null) {
      q.bind("bundleVersion", query.bundleVersion());
    }
  }
}
