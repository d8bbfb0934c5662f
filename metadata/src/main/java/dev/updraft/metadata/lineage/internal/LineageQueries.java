package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ExecutionState;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The store's hot read queries, each one statement served by the migration's indexes.
 *
 * <p>"Newest first" is written {@code ORDER BY type_id DESC, id DESC} (with {@code type_id} fixed
 * by the WHERE clause), matching the index {@code (type_id, id)} column for column: H2 then walks
 * the index backwards and stops at the first row that qualifies, where {@code ORDER BY id DESC}
 * makes it read and sort every artifact of the type. PostgreSQL plans both the same way.
 */
public final class LineageQueries {
  private static final int LIVE = ArtifactStates.code(ArtifactState.LIVE);

  private LineageQueries() {}

  /** The newest LIVE artifacts of a type attributed to a context, newest (highest id) first. */
  public static List<Long> latestArtifacts(Handle h, long typeId, long contextId, int limit) {
    return h.createQuery(
            "SELECT a.id FROM artifact a WHERE a.type_id = ? AND a.state = ?"
                + " AND EXISTS (SELECT 1 FROM attribution t"
                + "  WHERE t.context_id = ? AND t.artifact_id = a.id)"
                + " ORDER BY a.type_id DESC, a.id DESC LIMIT ?")
        .bind(0, typeId)
        .bind(1, LIVE)
        .bind(2, contextId)
        .bind(3, limit)
        .mapTo(Long.class)
        .list();
  }

  /**
   * The newest LIVE model attributed to the pipeline that a LIVE blessing of the same pipeline
   * blesses ({@code blessed} = 1, {@code current_model_id} = the model's id).
   *
   * <p>"Newest" is the highest artifact id, as TFX's {@code LatestBlessedModelStrategy} orders
   * models (it sorts candidates by id, not by time). The query walks the models newest first and
   * stops at the first blessed one, so a recent blessing answers in a few index probes whatever the
   * size of the store. The blessing test is a scalar subquery with {@code LIMIT 1} because
   * PostgreSQL would turn an {@code EXISTS} into a join that reads every blessing first.
   */
  public static Optional<Long> latestBlessedModel(
      Handle h, long modelTypeId, long blessingTypeId, long pipelineContextId) {
    return h.createQuery(
            "SELECT m.id FROM artifact m WHERE m.type_id = :model AND m.state = :live"
                + " AND EXISTS (SELECT 1 FROM attribution am"
                + "  WHERE am.context_id = :pipeline AND am.artifact_id = m.id)"
                + " AND (SELECT 1 FROM artifact_property cur"
                + "  JOIN artifact b ON b.id = cur.artifact_id"
                + "  JOIN artifact_property bl ON bl.artifact_id = b.id"
                + "  JOIN attribution ab ON ab.artifact_id = b.id"
                + "  WHERE cur.name = 'current_model_id' AND cur.int_value = m.id"
                + "  AND b.type_id = :blessing AND b.state = :live"
                + "  AND bl.name = 'blessed' AND bl.int_value = 1"
                + "  AND ab.context_id = :pipeline LIMIT 1) = 1"
                + " ORDER BY m.type_id DESC, m.id DESC LIMIT 1")
        .bind("pipeline", pipelineContextId)
        .bind("model", modelTypeId)
        .bind("blessing", blessingTypeId)
        .bind("live", LIVE)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * The newest COMPLETE or CACHED execution with {@code fingerprint} whose outputs are all LIVE. As
   * TFX's cache lookup does, an older match is used when a newer one lost an output.
   */
  public static Optional<Long> findCached(Handle h, String fingerprint) {
    return h.createQuery(
            "SELECT x.id FROM execution x WHERE x.cache_fingerprint = ?"
                + " AND x.last_known_state IN "
                + Sql.codes(ExecutionState.COMPLETE.code(), ExecutionState.CACHED.code())
                + " AND NOT EXISTS (SELECT 1 FROM event e JOIN artifact a ON a.id = e.artifact_id"
                + "  WHERE e.execution_id = x.id AND e.type IN "
                + LineageWalker.OUTPUTS
                + "  AND a.state <> ?)"
                + " ORDER BY x.cache_fingerprint DESC, x.id DESC LIMIT 1")
        .bind(0, fingerprint)
        .bind(1, LIVE)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * The newest COMPLETE execution associated with both contexts (a node in a run): the node's
   * executions are walked newest first, so the answer costs a few probes however many runs the node
   * has had.
   */
  public static Optional<Long> latestComplete(Handle h, long runContextId, long nodeContextId) {
    return h.createQuery(
            "SELECT n.execution_id FROM association n"
                + " JOIN execution x ON x.id = n.execution_id"
                + " WHERE n.context_id = ? AND x.last_known_state = ?"
                + " AND EXISTS (SELECT 1 FROM association r"
                + "  WHERE r.context_id = ? AND r.execution_id = n.execution_id)"
                + " ORDER BY n.context_id DESC, n.execution_id DESC LIMIT 1")
        .bind(0, nodeContextId)
        .bind(1, ExecutionState.COMPLETE.code())
        .bind(2, runContextId)
        .mapTo(Long.class)
        .findOne();
  }

  /** The newest LIVE artifact of a type at {@code uri}. */
  public static Optional<Long> liveByUri(Handle h, long typeId, String uri) {
    return h.createQuery(
            "SELECT id FROM artifact WHERE uri = ? AND type_id = ? AND state = ?"
                + " ORDER BY id DESC LIMIT 1")
        .bind(0, uri)
        .bind(1, typeId)
        .bind(2, LIVE)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * Locks a type's row until the transaction ends, so that find-or-create of artifacts of that type
   * takes turns. It updates a column no key covers, which on PostgreSQL conflicts neither with the
   * key-share locks that foreign-key checks of concurrent inserts take nor with readers.
   */
  public static void lockType(Handle h, long typeId) {
    h.createUpdate("UPDATE type SET description = description WHERE id = ?")
        .bind(0, typeId)
        .execute();
  }
}
