package dev.updraft.runner;

import dev.updraft.runner.internal.RemoteArtifact;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ExampleAnomalies;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.artifact.HyperParameters;
import dev.updraft.sdk.artifact.Model;
import dev.updraft.sdk.artifact.ModelBlessing;
import dev.updraft.sdk.artifact.ModelEvaluation;
import dev.updraft.sdk.artifact.ModelRun;
import dev.updraft.sdk.artifact.PushedModel;
import dev.updraft.sdk.artifact.Schema;
import dev.updraft.sdk.artifact.TransformGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The artifact classes the runner knows by type name: the SDK's standard ones and those the DAG's
 * components declare, so artifacts read back over HTTP are of the class a component expects.
 */
public final class ArtifactClasses {
  private static final List<Class<? extends Artifact>> STANDARD =
      List.of(
          Examples.class,
          ExampleStatistics.class,
          ExampleAnomalies.class,
          Schema.class,
          TransformGraph.class,
          HyperParameters.class,
          Model.class,
          ModelRun.class,
          ModelEvaluation.class,
          ModelBlessing.class,
          PushedModel.class);

  private final Map<String, Class<? extends Artifact>> byName = new ConcurrentHashMap<>();

  /** The standard types. */
  public static ArtifactClasses standard() {
    ArtifactClasses classes = new ArtifactClasses();
    STANDARD.forEach(classes::register);
    return classes;
  }

  /** Knows {@code type} under its type name from now on. */
  public void register(Class<? extends Artifact> type) {
    byName.put(Artifact.typeName(type), type);
  }

  /**
   * A new artifact for {@code typeName}: of its known class if that is a {@code wanted}, else of
   * {@code wanted} when that is concrete, else a {@link RemoteArtifact}.
   */
  Artifact newArtifact(String typeName, Class<? extends Artifact> wanted) {
    Class<? extends Artifact> known = byName.get(typeName);
    if (known != null && wanted.isAssignableFrom(known)) {
      return Artifact.create(known);
    }
    if (wanted != Artifact.class) {
      return Artifact.create(wanted);
    }
    return new RemoteArtifact(typeName);
  }
}
