package dev.updraft.metadata.lineage;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.artifact.ExampleStatistics;
import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.artifact.Model;
import dev.updraft.sdk.artifact.ModelBlessing;
import dev.updraft.sdk.artifact.ModelEvaluation;
import dev.updraft.sdk.artifact.PushedModel;
import dev.updraft.sdk.artifact.Schema;
import dev.updraft.sdk.component.ComponentFunction;
import dev.updraft.sdk.component.FunctionComponent;
import dev.updraft.sdk.component.InputArtifact;
import dev.updraft.sdk.component.OutputArtifact;
import dev.updraft.sdk.component.Parameter;
import dev.updraft.sdk.testing.DagRunResult;
import dev.updraft.sdk.testing.DagTestHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small TFX-shaped pipeline of function components: ExampleGen → StatisticsGen → SchemaGen,
 * Trainer (examples, schema) → Evaluator (examples, model; blesses when the run's conf says {@code
 * bless}) → Pusher (model, blessing). Run through the SDK's harness, so the runtime's
 * ComponentOperator drives the store as it does in production.
 */
public final class TfxPipeline {
  private TfxPipeline() {}

  @ComponentFunction("ExampleGen")
  public static void exampleGen(@OutputArtifact("examples") Examples examples) {
    examples.setSplitNames(List.of("train", "eval"));
    examples.setProperty("span", 7);
    examples.setProperty("source", "csv");
  }

  @ComponentFunction("StatisticsGen")
  public static void statisticsGen(
      @InputArtifact("examples") Examples examples,
      @OutputArtifact("statistics") ExampleStatistics statistics) {
    statistics.setProperty("split_names", String.join(",", examples.splitNames()));
  }

  @ComponentFunction("SchemaGen")
  public static void schemaGen(
      @InputArtifact("statistics") ExampleStatistics statistics,
      @OutputArtifact("schema") Schema schema) {
    schema.setProperty("infer_feature_shape", true);
  }

  @ComponentFunction("Trainer")
  public static void trainer(
      @InputArtifact("examples") Examples examples,
      @InputArtifact("schema") Schema schema,
      @OutputArtifact("model") Model model,
      @Parameter("train_steps") String trainSteps) {
    model.setProperty("train_steps", Long.parseLong(trainSteps));
    model.setProperty("accuracy", 0.875);
  }

  @ComponentFunction("Evaluator")
  public static void evaluator(
      @InputArtifact("examples") Examples examples,
      @InputArtifact("model") Model model,
      @OutputArtifact("evaluation") ModelEvaluation evaluation,
      @OutputArtifact("blessing") ModelBlessing blessing,
      @Parameter("bless") String bless) {
    evaluation.setProperty("metrics", Map.of("auc", 0.91, "slices", List.of("all")));
    blessing.setBlessed(Boolean.parseBoolean(bless));
    blessing.setProperty(ModelBlessing.CURRENT_MODEL_ID, model.id());
  }

  @ComponentFunction("Pusher")
  public static void pusher(
      @InputArtifact("model") Model model,
      @InputArtifact("blessing") ModelBlessing blessing,
      @OutputArtifact("pushed_model") PushedModel pushed) {
    pushed.setProperty("pushed", blessing.isBlessed());
  }

  /** The pipeline as a DAG named {@code dagId}. */
  public static Dag dag(String dagId) {
    DagBuilder dag = Dag.builder(dagId);
    FunctionComponent exampleGen = FunctionComponent.of(TfxPipeline.class, "exampleGen");
    FunctionComponent statisticsGen =
        FunctionComponent.of(TfxPipeline.class, "statisticsGen")
            .input("examples", exampleGen.output("examples", Examples.class));
    FunctionComponent schemaGen =
        FunctionComponent.of(TfxPipeline.class, "schemaGen")
            .input("statistics", statisticsGen.output("statistics", ExampleStatistics.class));
    FunctionComponent trainer =
        FunctionComponent.of(TfxPipeline.class, "trainer")
            .input("examples", exampleGen.output("examples", Examples.class))
            .input("schema", schemaGen.output("schema", Schema.class))
            .parameter("train_steps", "100");
    FunctionComponent evaluator =
        FunctionComponent.of(TfxPipeline.class, "evaluator")
            .input("examples", exampleGen.output("examples", Examples.class))
            .input("model", trainer.output("model", Model.class))
            .parameter("bless", "{{ dag_run.conf['bless'] }}");
    FunctionComponent pusher =
        FunctionComponent.of(TfxPipeline.class, "pusher")
            .input("model", trainer.output("model", Model.class))
            .input("blessing", evaluator.output("blessing", ModelBlessing.class));
    List.of(exampleGen, statisticsGen, schemaGen, trainer, evaluator, pusher)
        .forEach(dag::component);
    return dag.build();
  }

  /** Runs the whole pipeline once through {@code store}. */
  public static DagRunResult run(
      MetadataArtifactStore store, String dagId, String runId, boolean bless, Path root) {
    return DagTestHarness.forDag(dag(dagId))
        .artifactStore(store)
        .artifactRoot(root)
        .runId(runId)
        .conf(Map.of("bless", Boolean.toString(bless)))
        .run();
  }
}
