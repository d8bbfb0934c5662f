package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.lineage.ArtifactTypes;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.record.MetadataSecrets;
import dev.updraft.metadata.record.MetadataXComStore;
import dev.updraft.metadata.record.RunRecorder;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.component.ComponentSpec;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import dev.updraft.sdk.internal.run.RunListener;
import dev.updraft.sdk.testing.DagTestHarness;
import java.time.Clock;

/**
 * Makes an in-process run record itself in the metadata database: the run and its task instances,
 * XComs, and artifacts with their lineage (artifact payloads under {@code
 * $UPDRAFT_HOME/artifacts}), in the database of a {@link MetadataSession}.
 */
final class MetadataRecording {
  private final UpdraftConfig config;
  private final MetadataDatabase db;

  MetadataRecording(UpdraftConfig config, MetadataSession session) {
    this.config = config;
    this.db = session.db();
  }

  /** {@code harness} recording into the database, still telling {@code printer}. */
  DagTestHarness record(DagTestHarness harness, LoadedDag loaded, RunListener printer) {
    ArtifactTypes types = ArtifactTypes.standard();
    registerComponentTypes(loaded.dag(), types);
    MetadataArtifactStore artifacts =
        new MetadataArtifactStore(new LineageStore(db), config.home().resolve("artifacts"), types);
    RunRecorder recorder = new RunRecorder(db, Clock.systemUTC(), "test", loaded.source());
    return harness
        .artifactStore(artifacts)
        .xcomStore(new MetadataXComStore(db))
        .secrets(new MetadataSecrets(db, SecretKeyFile.cipher(System.getenv(), config.home())))
        .listener(RunListener.both(printer, recorder));
  }

  /** Artifact classes of the DAG's own jar, so its artifacts read back as their own types. */
  private static void registerComponentTypes(CompiledDag dag, ArtifactTypes types) {
    for (String taskId : dag.topologicalOrder()) {
      if (dag.task(taskId).operator() instanceof ComponentOperator component) {
        ComponentSpec spec = component.component().spec();
        spec.inputs().values().forEach(input -> types.registerIfAbsent(input.type()));
        spec.outputs().values().forEach(output -> types.registerIfAbsent(output.type()));
      }
    }
  }
}
