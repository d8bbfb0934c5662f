package dev.updraft.web.execution;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.ArtifactTypes;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.state.ConnectionRepository;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.metadata.state.XComRepository;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the Task Execution API needs, so the API server and the scheduler's standalone process can
 * each mount it over their own database and token secret.
 *
 * @param artifacts where component executions and artifacts are recorded
 * @param artifactTypes the registry {@code artifacts} reads types with (the same instance)
 */
public record ExecutionApiDependencies(
    TaskInstanceRepository taskInstances,
    DagRunRepository dagRuns,
    XComRepository xcoms,
    VariableRepository variables,
    ConnectionRepository connections,
    MetadataArtifactStore artifacts,
    ArtifactTypes artifactTypes,
    TaskTokens tokens,
    Clock clock) {

  /**
   * Repositories over {@code db} (connection secrets decrypted with {@code UPDRAFT_SECRET_KEY}),
   * artifacts under {@code artifactRoot}, tokens checked with {@code tokens}, on the system clock.
   */
  public static ExecutionApiDependencies of(
      MetadataDatabase db, TaskTokens tokens, Path artifactRoot) {
    return of(db, tokens, artifactRoot, SecretCipher.fromEnvironment(System.getenv()));
  }

  /**
   * As {@link #of(MetadataDatabase, TaskTokens, Path)}, connection secrets read with {@code
   * cipher}.
   */
  public static ExecutionApiDependencies of(
      MetadataDatabase db, TaskTokens tokens, Path artifactRoot, SecretCipher cipher) {
    ArtifactTypes types = ArtifactTypes.standard();
    return new ExecutionApiDependencies(
        new TaskInstanceRepository(db),
        new DagRunRepository(db),
        new XComRepository(db),
        new VariableRepository(db),
        new ConnectionRepository(db, cipher),
        new MetadataArtifactStore(new LineageStore(db), artifactRoot, types),
        types,
        tokens,
        Clock.systemUTC());
  }
}
