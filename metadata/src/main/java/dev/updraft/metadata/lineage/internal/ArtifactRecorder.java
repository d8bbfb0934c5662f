package dev.updraft.metadata.lineage.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.metadata.lineage.TypeKind;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Writes artifacts on their own (outside executions), each call in one transaction. */
public final class ArtifactRecorder {
  private final MetadataDatabase db;
  private final TypeStore types;

  public ArtifactRecorder(MetadataDatabase db, TypeStore types) {
    this.db = db;
    this.types = types;
  }

  /** Inserts new artifacts and attributes them to {@code contextIds}; their ids, in order. */
  public List<Long> put(List<ArtifactRecord> artifacts, Collection<Long> contextIds) {
    List<ArtifactWriter.NewArtifact> created = new ArrayList<>(artifacts.size());
    for (ArtifactRecord artifact : artifacts) {
      if (artifact.id() != null) {
        throw new IllegalArgumentException(
            "artifact " + artifact.id() + " is recorded already: change its state or properties");
      }
      ResolvedType type =
          types.checked(TypeKind.ARTIFACT, artifact.typeName(), artifact.properties());
      created.add(new ArtifactWriter.NewArtifact(artifact, type.id()));
    }
    return db.inTransaction(
        h -> {
          InsertGroup later = new InsertGroup(db.dialect());
          List<Long> ids = ArtifactWriter.insert(h, created, System.currentTimeMillis(), later);
          EventWriter.attribute(later, contextIds, ids);
          later.execute(h);
          return ids;
        });
  }

  /** Sets an artifact's state in one statement; whether the artifact exists. */
  public boolean updateState(long artifactId, ArtifactState state) {
    return db.inTransaction(
        h -> ArtifactWriter.updateState(h, artifactId, state, System.currentTimeMillis()));
  }

  /** Merges properties into an artifact under its row lock, so concurrent merges take turns. */
  public void mergeProperties(
      long artifactId, Map<String, Object> typed, Map<String, Object> custom) {
    String typeName =
        db.withHandle(
                h ->
                    h.createQuery(
                            "SELECT t.name FROM artifact a JOIN type t ON t.id = a.type_id"
                                + " WHERE a.id = ?")
                        .bind(0, artifactId)
                        .mapTo(String.class)
                        .findOne())
            .orElseThrow(() -> new IllegalArgumentException("no artifact " + artifactId));
    types.checked(TypeKind.ARTIFACT, typeName, typed);
    db.inTransaction(
        h -> {
          ArtifactWriter.lock(h, artifactId, System.currentTimeMillis());
          PropertyTable.ARTIFACT.merge(h, artifactId, PropertyTable.of(typed, custom));
          return null;
        });
  }

  /**
   * The newest LIVE artifact of the record's type at its URI, else the record inserted LIVE; its
   * id, attributed to {@code contextIds} either way. The type's row lock makes concurrent calls
   * take turns, so that one URI is registered once.
   */
  public long findOrRegister(ArtifactRecord artifact, Collection<Long> contextIds) {
    ResolvedType type =
        types.checked(TypeKind.ARTIFACT, artifact.typeName(), artifact.properties());
    ArtifactWriter.NewArtifact created =
        new ArtifactWriter.NewArtifact(artifact.withState(ArtifactState.LIVE), type.id());
    return db.inTransaction(
        h -> {
          LineageQueries.lockType(h, type.id());
          InsertGroup later = new InsertGroup(db.dialect());
          long id =
              LineageQueries.liveByUri(h, type.id(), artifact.uri())
                  .orElseGet(
                      () ->
                          ArtifactWriter.insert(
                                  h, List.of(created), System.currentTimeMillis(), later)
                              .get(0));
          EventWriter.attribute(later, contextIds, List.of(id));
          later.execute(h);
          return id;
        });
  }
}
