package dev.updraft.metadata.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.artifact.Artifact;
import dev.updraft.sdk.artifact.ArtifactState;
import dev.updraft.sdk.artifact.ArtifactType;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.artifact.Model;
import dev.updraft.sdk.artifact.ModelBlessing;
import dev.updraft.sdk.artifact.ModelEvaluation;
import dev.updraft.sdk.artifact.PushedModel;
import dev.updraft.sdk.artifact.Schema;
import dev.updraft.sdk.internal.run.ArtifactStore.ExecutionKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The runtime's artifact store on the database, driven by a TFX-shaped pipeline. */
class MetadataArtifactStoreTest {
  private static final String BOTH = "dev.updraft.metadata.TestDatabases#both";

  @TempDir Path root;

  @ParameterizedTest
  @MethodSource(BOTH)
  void upstreamLineageOfThePushedModelWalksBackToTheExamplesWithinMaxHops(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      assertThat(TfxPipeline.run(store, "tfx", "run-1", true, root).succeeded()).isTrue();
      LineageStore lineage = store.lineage();
      long pushed = only(store.outputsOf("tfx", "run-1", "Pusher", "pushed_model")).id();

      // Pusher (1), model and blessing (2), Trainer and Evaluator (3), examples and schema (4).
      LineageGraph four = lineage.lineageOfArtifact(pushed, Direction.UPSTREAM, 4);
      assertThat(typeNames(four))
          .containsExactlyInAnyOrder("PushedModel", "Model", "ModelBlessing", "Examples", "Schema");
      assertThat(executionTypes(four)).containsExactlyInAnyOrder("Pusher", "Trainer", "Evaluator");

      LineageGraph three = lineage.lineageOfArtifact(pushed, Direction.UPSTREAM, 3);
      assertThat(typeNames(three)).doesNotContain("Examples", "Schema");
      assertThat(executionTypes(three)).containsExactlyInAnyOrder("Pusher", "Trainer", "Evaluator");

      // All the way: ExampleGen and SchemaGen (5), statistics (6), StatisticsGen (7); the
      // evaluation is a sibling, not an ancestor.
      LineageGraph all = lineage.lineageOfArtifact(pushed, Direction.UPSTREAM, 20);
      assertThat(typeNames(all))
          .containsExactlyInAnyOrder(
              "PushedModel", "Model", "ModelBlessing", "Examples", "Schema", "ExampleStatistics");
      assertThat(executionTypes(all)).hasSize(6).doesNotContain("Unknown");
      assertThat(lineage.lineageOfArtifact(pushed, Direction.UPSTREAM, 6).executions()).hasSize(5);

      long model = four.artifactsOfType("Model").get(0).id();
      Event modelIntoPusher =
          four.events().stream()
              .filter(e -> e.artifactId() == model && e.type() == EventType.INPUT)
              .filter(e -> four.executions().stream().anyMatch(x -> x.id() == e.executionId()))
              .filter(e -> executionType(four, e.executionId()).equals("Pusher"))
              .findFirst()
              .orElseThrow();
      assertThat(modelIntoPusher.key()).isEqualTo("model");
      assertThat(modelIntoPusher.index()).isZero();
      assertThat(lineage.lineageOfArtifact(pushed, Direction.UPSTREAM, 0).artifactIds())
          .containsExactly(pushed);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void downstreamLineageOfTheExamplesReachesThePushedModel(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      TfxPipeline.run(store, "tfx", "run-1", true, root);
      LineageStore lineage = store.lineage();
      long examples = only(store.outputsOf("tfx", "run-1", "ExampleGen", "examples")).id();

      LineageGraph one = lineage.lineageOfArtifact(examples, Direction.DOWNSTREAM, 1);
      assertThat(executionTypes(one))
          .containsExactlyInAnyOrder("StatisticsGen", "Trainer", "Evaluator");
      assertThat(typeNames(one)).containsExactly("Examples");

      LineageGraph four = lineage.lineageOfArtifact(examples, Direction.DOWNSTREAM, 4);
      assertThat(typeNames(four))
          .containsExactlyInAnyOrder(
              "Examples",
              "ExampleStatistics",
              "Model",
              "ModelEvaluation",
              "ModelBlessing",
              "Schema",
              "PushedModel");
      assertThat(executionTypes(four)).doesNotContain("ExampleGen").contains("Pusher");

      long model = only(store.outputsOf("tfx", "run-1", "Trainer", "model")).id();
      LineageGraph around = lineage.lineageOfArtifact(model, Direction.BOTH, 1);
      assertThat(executionTypes(around))
          .containsExactlyInAnyOrder("Trainer", "Evaluator", "Pusher");

      long trainer =
          around.executions().stream()
              .filter(x -> x.typeName().equals("Trainer"))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(typeNames(lineage.lineageOfExecution(trainer, Direction.UPSTREAM, 1)))
          .containsExactlyInAnyOrder("Examples", "Schema");
      assertThatThrownBy(() -> lineage.lineageOfArtifact(999_999, Direction.BOTH, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no artifact 999999");
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void latestBlessedModelIsTheNewestModelThatABlessingOfThePipelineBlesses(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      LineageStore lineage = store.lineage();
      TfxPipeline.run(store, "tfx", "run-1", true, root);
      long blessed = only(store.outputsOf("tfx", "run-1", "Trainer", "model")).id();
      TfxPipeline.run(store, "tfx", "run-2", false, root);
      long unblessed = only(store.outputsOf("tfx", "run-2", "Trainer", "model")).id();
      TfxPipeline.run(store, "other", "run-1", true, root);
      long otherModel = only(store.outputsOf("other", "run-1", "Trainer", "model")).id();
      long tfx = lineage.findContext(PipelineContexts.PIPELINE, "tfx").orElseThrow();
      long other = lineage.findContext(PipelineContexts.PIPELINE, "other").orElseThrow();
      // A blessing in tfx of another model, and one in another pipeline of tfx's newer model.
      lineage.putArtifacts(List.of(blessing(otherModel)), List.of(tfx));
      lineage.putArtifacts(List.of(blessing(unblessed)), List.of(other));
      // A newer model, not blessed at all.
      lineage.putArtifacts(List.of(ArtifactRecord.of("Model", "/models/newest")), List.of(tfx));

      assertThat(lineage.latestBlessedModel("tfx").map(ArtifactRecord::id)).contains(blessed);
      assertThat(lineage.latestBlessedModel("other").map(ArtifactRecord::id)).contains(otherModel);
      assertThat(lineage.latestBlessedModel("nobody")).isEmpty();

      TfxPipeline.run(store, "tfx", "run-3", true, root);
      long newest = only(store.outputsOf("tfx", "run-3", "Trainer", "model")).id();
      assertThat(lineage.latestBlessedModel("tfx").map(ArtifactRecord::id)).contains(newest);

      lineage.updateArtifactState(newest, ArtifactState.MARKED_FOR_DELETION);
      assertThat(lineage.latestBlessedModel("tfx").map(ArtifactRecord::id)).contains(blessed);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void propertiesRoundTripWithTheirTypesAndArtifactsWithTheirClasses(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      TfxPipeline.run(store, "tfx", "run-1", true, root);

      Artifact examples = only(store.outputsOf("tfx", "run-1", "ExampleGen", "examples"));
      assertThat(examples).isInstanceOf(Examples.class);
      assertThat(examples.state()).isEqualTo(ArtifactState.LIVE);
      assertThat(((Examples) examples).splitNames()).containsExactly("train", "eval");
      assertThat(examples.property("span")).isEqualTo(7L);
      assertThat(examples.property("source")).isEqualTo("csv");
      assertThat(examples.uri()).startsWith(root.resolve("tfx/ExampleGen/examples").toString());
      // span and split_names are typed as TFX declares them; source is custom.
      assertThat(
              Rows.count(
                  t.db(),
                  "SELECT COUNT(*) FROM artifact_property WHERE artifact_id = ?"
                      + " AND is_custom_property = FALSE",
                  examples.id()))
          .isEqualTo(2);

      Artifact model = only(store.outputsOf("tfx", "run-1", "Trainer", "model"));
      assertThat(model).isInstanceOf(Model.class);
      assertThat(model.property("train_steps")).isEqualTo(100L);
      assertThat(model.property("accuracy")).isEqualTo(0.875);
      assertThat(only(store.outputsOf("tfx", "run-1", "SchemaGen", "schema")))
          .isInstanceOf(Schema.class)
          .satisfies(s -> assertThat(s.property("infer_feature_shape")).isEqualTo(true));
      assertThat(only(store.outputsOf("tfx", "run-1", "StatisticsGen", "statistics")))
          .isInstanceOf(ExampleStatistics.class);
      assertThat(only(store.outputsOf("tfx", "run-1", "Evaluator", "evaluation")))
          .isInstanceOf(ModelEvaluation.class)
          .satisfies(
              e ->
                  assertThat(e.property("metrics"))
                      .isEqualTo(Map.of("auc", 0.91, "slices", List.of("all"))));
      ModelBlessing blessing =
          (ModelBlessing) only(store.outputsOf("tfx", "run-1", "Evaluator", "blessing"));
      assertThat(blessing.isBlessed()).isTrue();
      assertThat(blessing.property(ModelBlessing.CURRENT_MODEL_ID)).isEqualTo(model.id());
      assertThat(only(store.outputsOf("tfx", "run-1", "Pusher", "pushed_model")))
          .isInstanceOf(PushedModel.class)
          .satisfies(p -> assertThat(p.property("pushed")).isEqualTo(true));

      // The execution: where it ran (typed) and the component's parameters (custom).
      ExecutionRecord trainer =
          store.lineage().lineageOfArtifact(model.id(), Direction.UPSTREAM, 1).executions().get(0);
      assertThat(trainer.state()).isEqualTo(ExecutionState.COMPLETE);
      assertThat(trainer.properties())
          .containsEntry("pipeline_name", "tfx")
          .containsEntry("run_id", "run-1")
          .containsEntry("node_id", "Trainer")
          .containsEntry("try_number", 1L);
      assertThat(trainer.customProperties()).containsEntry("train_steps", "100");
      assertThat(store.lineage().contextsOf(trainer.id())).hasSize(3);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void aFailedExecutionLeavesNoLiveOutputsAndARetryReplacesIt(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      LineageStore lineage = store.lineage();
      Examples input = new Examples();
      input.setUri("/data/in");
      var first = new ExecutionKey("dag", "run", "train", "Trainer", 1);
      long failed = store.beginExecution(first, Map.of("examples", List.of(input)), Map.of());
      assertThat(input.id()).isNotNull();
      assertThat(input.state()).isEqualTo(ArtifactState.LIVE);

      store.failExecution(failed, "out of memory");

      ExecutionRecord record = lineage.getExecution(failed).orElseThrow();
      assertThat(record.state()).isEqualTo(ExecutionState.FAILED);
      assertThat(record.customProperties())
          .containsEntry(MetadataArtifactStore.FAILURE_REASON, "out of memory");
      assertThat(store.outputsOf("dag", "run", "train", "model")).isEmpty();
      assertThat(lineage.outputsOf(failed)).isEmpty();
      assertThat(Rows.count(t.db(), "SELECT COUNT(*) FROM artifact WHERE state = 2"))
          .isEqualTo(1); // only the input

      Model late = new Model();
      late.setUri("/models/late");
      assertThatThrownBy(() -> store.publishOutputs(failed, Map.of("model", List.of(late))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("FAILED");
      assertThat(late.id()).isNull();
      assertThat(Rows.table(t.db(), "artifact")).isEqualTo(1);
      store.failExecution(failed, "again"); // already failed: nothing changes

      var retry = new ExecutionKey("dag", "run", "train", "Trainer", 2);
      long second = store.beginExecution(retry, Map.of("examples", List.of(input)), Map.of());
      Model model = new Model();
      model.setUri("/models/2");
      store.publishOutputs(second, Map.of("model", List.of(model)));
      assertThat(model.id()).isNotNull();
      assertThat(store.outputsOf("dag", "run", "train", "model"))
          .extracting(Artifact::id)
          .containsExactly(model.id());
      assertThatThrownBy(() -> store.failExecution(second, "too late"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("COMPLETE");
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void latestAndExternalArtifactsAndUnknownTypes(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var store = new MetadataArtifactStore(new LineageStore(t.db()), root);
      Examples external =
          store.registerExternal("dag", Examples.class, "/data/raw", Map.of("span", 3));
      Examples again = store.registerExternal("dag", Examples.class, "/data/raw", Map.of());
      assertThat(again.id()).isEqualTo(external.id());
      assertThat(again.property("span")).isEqualTo(3L);

      var key = new ExecutionKey("dag", "run", "embed", "Embedder", 1);
      long execution = store.beginExecution(key, Map.of("examples", List.of(external)), Map.of());
      Embeddings embeddings = new Embeddings();
      embeddings.setUri("/embeddings/1");
      embeddings.setProperty("dimensions", 64);
      store.publishOutputs(execution, Map.of("embeddings", List.of(embeddings)));

      assertThat(store.latest("dag", Examples.class, 5))
          .extracting(Artifact::id)
          .containsExactly(external.id());
      assertThat(store.latest("dag", Embeddings.class, 5))
          .singleElement()
          .isInstanceOf(Embeddings.class);
      assertThat(store.latest("nobody", Examples.class, 5)).isEmpty();
      assertThat(only(store.outputsOf("dag", "run", "embed", "embeddings")))
          .isInstanceOf(Embeddings.class);

      // Another process, which knows no Embeddings class, still reads it.
      var stranger = new MetadataArtifactStore(new LineageStore(t.db()), root);
      Artifact unknown = only(stranger.outputsOf("dag", "run", "embed", "embeddings"));
      assertThat(unknown).isInstanceOf(UnknownArtifact.class);
      assertThat(((UnknownArtifact) unknown).storedTypeName()).isEqualTo("Embeddings");
      assertThat(unknown.property("dimensions")).isEqualTo(64L);
      // Used as an input it is referenced by id, keeping its recorded type.
      var next = new ExecutionKey("dag", "run", "index", "Indexer", 1);
      long indexer =
          stranger.beginExecution(next, Map.of("embeddings", List.of(unknown)), Map.of());
      assertThat(stranger.lineage().inputsOf(indexer).get("embeddings"))
          .singleElement()
          .satisfies(a -> assertThat(a.typeName()).isEqualTo("Embeddings"));
    }
  }

  /** A user's artifact type. */
  @ArtifactType("Embeddings")
  public static class Embeddings extends Artifact {}

  private static ArtifactRecord blessing(long modelId) {
    return ArtifactRecord.of("ModelBlessing", "/blessings/" + modelId)
        .withCustomProperty(ModelBlessing.BLESSED, 1)
        .withCustomProperty(ModelBlessing.CURRENT_MODEL_ID, modelId);
  }

  private static Artifact only(List<Artifact> artifacts) {
    assertThat(artifacts).hasSize(1);
    return artifacts.get(0);
  }

  private static List<String> typeNames(LineageGraph graph) {
    return graph.artifacts().stream().map(ArtifactRecord::typeName).toList();
  }

  private static List<String> executionTypes(LineageGraph graph) {
    return graph.executions().stream().map(ExecutionRecord::typeName).toList();
  }

  private static String executionType(LineageGraph graph, long executionId) {
    return graph.executions().stream()
        .filter(x -> x.id() == executionId)
        .findFirst()
        .orElseThrow()
        .typeName();
  }
}
