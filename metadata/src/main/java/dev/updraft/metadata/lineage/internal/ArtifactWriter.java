package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes artifact rows and their properties, batched. */
public final class ArtifactWriter {
  private ArtifactWriter() {}

  /** A new artifact with its type resolved (and its typed properties checked against it). */
  public record NewArtifact(ArtifactRecord record, long typeId) {}

  /** Inserts {@code artifacts} and their properties in two batches; their ids, in order. */
  public static List<Long> insert(Handle h, List<NewArtifact> artifacts, long now) {
    if (artifacts.isEmpty()) {
      return List.of();
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO artifact (type_id, uri, state, name, external_id,"
                + " create_time_since_epoch, last_update_time_since_epoch)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
    List<PropertyTable.Properties> properties = new ArrayList<>(artifacts.size());
    for (NewArtifact artifact : artifacts) {
      ArtifactRecord record = artifact.record();
      batch
          .bind(0, artifact.typeId())
          .bind(1, record.uri())
          .bind(2, ArtifactStates.code(record.state()))
          .bind(3, record.name())
          .bind(4, record.externalId())
          .bind(5, now)
          .bind(6, now)
          .add();
      properties.add(PropertyTable.of(record.properties(), record.customProperties()));
    }
    List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
    if (ids.size() != artifacts.size()) {
      throw new IllegalStateException(
          "expected " + artifacts.size() + " generated artifact ids, got " + ids.size());
    }
    PropertyTable.ARTIFACT.insert(h, ids, properties);
    return ids;
  }

  /** Sets an artifact's state; whether the artifact exists. */
  public static boolean updateState(Handle h, long id, ArtifactState state, long now) {
    return h.createUpdate(
                "UPDATE artifact SET state = ?, last_update_time_since_epoch = ? WHERE id = ?")
            .bind(0, ArtifactStates.code(state))
            .bind(1, now)
            .bind(2, id)
            .execute()
        > 0;
  }

  /**
   * Touches the artifact's row, which locks it until the transaction ends: property merges of one
   * artifact then take turns. Whether the artifact exists.
   */
  public static boolean lock(Handle h, long id, long now) {
    return h.createUpdate("UPDATE artifact SET last_update_time_since_epoch = ? WHERE id = ?")
            .bind(0, now)
            .bind(1, id)
            .execute()
        > 0;
  }
}
