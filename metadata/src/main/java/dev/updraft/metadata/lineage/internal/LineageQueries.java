package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ExecutionState;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The store's hot read queries, each one statement served by the migration's indexes. */
public final class LineageQueries {
  private static final int LIVE = ArtifactStates.code(ArtifactState.LIVE);

  private LineageQueries() {}

  /** The newest LIVE artifacts of a type attributed to a context, newest (highest id) first. */
  public static List<Long> latestArtifacts(Handle h, long typeId, long contextId, int limit) {
    return h.createQuery(
            "SELECT a.id FROM artifact a"
                + " JOIN attribution t ON t.artifact_id = a.id AND t.context_id = ?"
                + " WHERE a.type_id = ? AND a.state = ? ORDER BY a.id DESC LIMIT ?")
        .bind(0, contextId)
        .bind(1, typeId)
        .bind(2, LIVE)
        .bind(3, limit)
        .mapTo(Long.class)
        .list();
  }

  /**
   * The newest LIVE model attributed to the pipeline that a LIVE blessing of the same pipeline
   * blesses ({@code blessed} = 1, {@code current_model_id} = the model's id).
   *
   * <p>"Newest" is the highest artifact id, as TFX's {@code LatestBlessedModelStrategy} orders
   * models (it sorts candidates by id, not by time). The walk goes down the pipeline's models by
   * id and stops at the first blessed one, so recent blessings answer in a few index probes.
   */
  public static Optional<Long> latestBlessedModel(
      Handle h, long modelTypeId, long blessingTypeId, long pipelineContextId) {
    return h.createQuery(
            "SELECT m.id FROM artifact m"
                + " JOIN attribution am ON am.artifact_id = m.id AND am.context_id = :pipeline"
                + " WHERE m.type_id = :model AND m.state = :live AND EXISTS ("
                + "  SELECT 1 FROM artifact_property cur"
                + "  JOIN artifact b ON b.id = cur.artifact_id"
                + "  JOIN artifact_property bl ON bl.artifact_id = b.id"
                + "  JOIN attribution ab ON ab.artifact_id = b.id"
                + "  WHERE cur.name = 'current_model_id' AND cur.int_value = m.id"
                + "  AND b.type_id = :blessing AND b.state = :live"
                + "  AND bl.name = 'blessed' AND bl.int_value = 1"
                + "  AND ab.context_id = :pipeline)"
                + " ORDER BY m.id DESC LIMIT 1")
        .bind("pipeline", pipelineContextId)
        .bind("model", modelTypeId)
        .bind("blessing", blessingTypeId)
        .bind("live", LIVE)
        .mapTo(Long.class)
        .findOne();
  }

  /**
   * The newest COMPLETE or CACHED execution with {@code fingerprint} whose outputs are all LIVE.
   * As TFX's cache lookup does, an older match is used when a newer one lost an output.
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
                + " ORDER BY x.id DESC LIMIT 1")
        .bind(0, fingerprint)
        .bind(1, LIVE)
        .mapTo(Long.class)
        .findOne();
  }

  /** The newest COMPLETE execution associated with both contexts (a node in a run). */
  public static Optional<Long> latestComplete(Handle h, long runContextId, long nodeContextId) {
    return h.createQuery(
            "SELECT x.id FROM execution x"
                + " JOIN association n ON n.execution_id = x.id AND n.context_id = ?"
                + " JOIN association r ON r.execution_id = x.id AND r.context_id = ?"
                + " WHERE x.last_known_state = ? ORDER BY x.id DESC LIMIT 1")
        .bind(0, nodeContextId)
        .bind(1, runContextId)
        .bind(2, ExecutionState.COMPLETE.code())
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
