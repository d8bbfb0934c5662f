package dev.updraft.sdk.testing;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.internal.dag.ComponentOperator;
import dev.updraft.sdk.internal.run.InMemoryArtifactStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one component in this process with chosen input artifacts, as TFX users test an executor:
 * the driver, the executor and output publishing all run; no upstream component is needed.
 *
 * <pre>{@code
 * Examples examples = new Examples();
 * examples.setUri(dir.toString());
 * examples.setSplitNames(List.of("train", "eval"));
 * ComponentRunResult result =
 *     ComponentTestHarness.forComponent(new MyTrainer(...)).input("examples", examples).run();
 * Model model = result.output("model", Model.class);
 * }</pre>
 */
public final class ComponentTestHarness {
  private final BaseComponent component;
  private final Map<String, List<Artifact>> inputs = new LinkedHashMap<>();
  private Path artifactRoot;
  private Map<String, Object> conf = Map.of();

  private ComponentTestHarness(BaseComponent component) {
    this.component = Objects.requireNonNull(component, "component");
  }

  public static ComponentTestHarness forComponent(BaseComponent component) {
    return new ComponentTestHarness(component);
  }

  /** Gives input {@code key} these artifacts (LIVE, with their URIs set) instead of a channel's. */
  public ComponentTestHarness input(String key, Artifact... artifacts) {
    for (Artifact artifact : artifacts) {
      artifact.setState(ArtifactState.LIVE);
    }
    inputs.put(key, List.of(artifacts));
    return this;
  }

  /** Where outputs are written; a temporary directory by default. */
  public ComponentTestHarness artifactRoot(Path root) {
    this.artifactRoot = root;
    return this;
  }

  /** The run's conf, for templated parameters. */
  public ComponentTestHarness conf(Map<String, Object> conf) {
    this.conf = conf;
    return this;
  }

  /** Runs the component once. */
  public ComponentRunResult run() {
    DagBuilder dag = Dag.builder("component_test");
    dag.operator(component.id(), new ComponentOperator(component, inputs));
    DagTestHarness harness = DagTestHarness.forDag(dag.build()).conf(conf);
    InMemoryArtifactStore store =
        new InMemoryArtifactStore(artifactRoot != null ? artifactRoot : temporaryRoot());
    DagRunResult run = harness.artifactStore(store).run();
    TaskInstanceResult task = run.task(component.id());
    Map<String, List<Artifact>> outputs = new LinkedHashMap<>();
    for (String key : component.spec().outputs().keySet()) {
      outputs.put(key, run.outputs(component.id(), key));
    }
    String error =
        task.tries().isEmpty() ? null : task.tries().get(task.tries().size() - 1).error();
    return new ComponentRunResult(task.state(), error, task.log(), outputs);
  }

  private static Path temporaryRoot() {
    try {
      return java.nio.file.Files.createTempDirectory("updraft-component-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * How a component run ended.
   *
   * @param state success or failed
   * @param error the failure, or {@code null}
   * @param log what the execution logged
   * @param outputs the published output artifacts by key (empty lists if it failed)
   */
  public record ComponentRunResult(
      TaskState state, String error, List<String> log, Map<String, List<Artifact>> outputs) {

    /** The single published artifact of output {@code key}. */
    public <T extends Artifact> T output(String key, Class<T> type) {
      List<Artifact> artifacts = outputs.getOrDefault(key, List.of());
      if (artifacts.size() != 1) {
        throw new IllegalStateException(
            "output '"
                + key
                + "' has "
                + artifacts.size()
                + " artifacts (state "
                + state
                + ", error "
                + error
                + ")");
      }
      return type.cast(artifacts.get(0));
    }
  }
}
