package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Writes artifact rows and their properties. */
public final class ArtifactWriter {
  private ArtifactWriter() {}

  /** A new artifact with its type resolved (and its typed properties checked against it). */
  public record NewArtifact(ArtifactRecord record, long typeId) {}

  /**
   * Inserts {@code artifacts} in one statement and adds their properties to {@code later}; their
   * ids, in order.
   */
  public static List<Long> insert(
      Handle h, List<NewArtifact> artifacts, long now, InsertGroup later) {
    if (artifacts.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows(artifacts, now).executeReturningIds(h);
    later.add(properties(ids, artifacts));
    return ids;
  }

  /** The insert of new artifacts' rows. */
  static Insert rows(List<NewArtifact> artifacts, long now) {
    Insert insert =
        Insert.into("artifact")
            .column("type_id", Long.class)
            .column("uri", String.class)
            .column("state", Integer.class)
            .column("name", String.class)
            .column("external_id", String.class)
            .column("create_time_since_epoch", Long.class)
            .column("last_update_time_since_epoch", Long.class);
    for (NewArtifact artifact : artifacts) {
      ArtifactRecord record = artifact.record();
      insert.row(
          artifact.typeId(),
          record.uri(),
          ArtifactStates.code(record.state()),
          record.name(),
          record.externalId(),
          now,
          now);
    }
    return insert;
  }

  /** The insert of new artifacts' properties, once they have their ids. */
  static Insert properties(List<Long> ids, List<NewArtifact> artifacts) {
    List<PropertyTable.Properties> properties = new ArrayList<>(artifacts.size());
    for (NewArtifact artifact : artifacts) {
      properties.add(
          PropertyTable.of(artifact.record().properties(), artifact.record().customProperties()));
    }
    return PropertyTable.ARTIFACT.insert(ids, properties);
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
