package dev.updraft.bench.metadata;

import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.metadata.lineage.ExecutionRecord;
import dev.updraft.metadata.lineage.ExecutionState;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.PipelineContexts;
import dev.updraft.metadata.lineage.RecordedExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Records trainer-like executions as a scheduler would: each reads two artifacts (the previous
 * execution's model and an output of one of the twenty before it, so lineage fans in) and writes
 * two (a model and an evaluation, with properties), in a pipeline run and node context.
 */
final class ExecutionWorkload {
  private static final int LOOK_BACK = 20;

  private final LineageStore lineage;
  private final String pipeline;
  private final Random random;
  private final List<List<Long>> recentOutputs = new ArrayList<>();
  private final List<Long> outputs = new ArrayList<>();
  private int recorded;

  ExecutionWorkload(LineageStore lineage, String pipeline, long seed) {
    this.lineage = lineage;
    this.pipeline = pipeline;
    this.random = new Random(seed);
    List<Long> seedArtifacts =
        lineage.putArtifacts(
            List.of(
                ArtifactRecord.of("Examples", "/bench/" + pipeline + "/examples/0"),
                ArtifactRecord.of("Schema", "/bench/" + pipeline + "/schema/0")),
            List.of());
    recentOutputs.add(seedArtifacts);
  }

  /** Records {@code count} more executions, each in its own transaction. */
  void record(int count) {
    for (int i = 0; i < count; i++) {
      recordOne();
    }
  }

  /** Every output recorded so far. */
  List<Long> outputs() {
    return outputs;
  }

  private void recordOne() {
    int n = recorded++;
    PipelineContexts contexts =
        lineage.pipelineContexts(pipeline, "run-" + n / 100, "node-" + n % 10);
    List<Long> previous = recentOutputs.get(recentOutputs.size() - 1);
    List<Long> older = recentOutputs.get(random.nextInt(recentOutputs.size()));
    List<ArtifactRecord> inputs =
        List.of(
            ArtifactRecord.ref(previous.get(0), "Model"),
            ArtifactRecord.ref(older.get(1), "ModelEvaluation"));
    String uri = "/bench/" + pipeline + "/" + n;
    RecordedExecution execution =
        lineage.recordExecution(
            ExecutionRecord.of("Trainer", ExecutionState.COMPLETE)
                .withCacheFingerprint(pipeline + "-" + n)
                .withCustomProperty("train_steps", 100 + n),
            Map.of("examples", inputs),
            Map.of(
                "model",
                List.of(
                    ArtifactRecord.of("Model", uri + "/model")
                        .withCustomProperty("accuracy", random.nextDouble())),
                "evaluation",
                List.of(
                    ArtifactRecord.of("ModelEvaluation", uri + "/evaluation")
                        .withCustomProperty("rows", n))),
            contexts.ids());
    List<Long> made =
        List.of(
            execution.outputIds().get("model").get(0),
            execution.outputIds().get("evaluation").get(0));
    outputs.addAll(made);
    recentOutputs.add(made);
    if (recentOutputs.size() > LOOK_BACK) {
      recentOutputs.remove(0);
    }
  }
}
