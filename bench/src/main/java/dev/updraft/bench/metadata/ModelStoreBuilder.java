package dev.updraft.bench.metadata;

import dev.updraft.metadata.lineage.ArtifactRecord;
import dev.updraft.metadata.lineage.ContextRecord;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.PipelineContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills the store with TFX-like pipeline output, fast, through batched inserts: per run, examples,
 * statistics, schema, a model, an evaluation, a blessing of that model (blessed half the time) and
 * a pushed model, attributed to one of four pipelines.
 */
final class ModelStoreBuilder {
  static final int PIPELINES = 4;
  private static final int BLOCKS_PER_BATCH = 250;
  private static final int PER_BLOCK = 7;

  private final LineageStore lineage;
  private final Random random = new Random(42);

  ModelStoreBuilder(LineageStore lineage) {
    this.lineage = lineage;
  }

  static String pipelineName(int index) {
    return "tfx-" + index;
  }

  /** Adds about {@code artifacts} artifacts (enough for every pipeline to have some); how many. */
  int add(int artifacts) {
    List<Long> pipelines = new ArrayList<>();
    for (int p = 0; p < PIPELINES; p++) {
      pipelines.add(
          lineage.putContext(
              ContextRecord.of(PipelineContexts.PIPELINE, pipelineName(p)), List.of()));
    }
    int blocks = Math.max(PIPELINES * BLOCKS_PER_BATCH, artifacts / PER_BLOCK);
    int added = 0;
    for (int first = 0; first < blocks; first += BLOCKS_PER_BATCH) {
      int count = Math.min(BLOCKS_PER_BATCH, blocks - first);
      long pipeline = pipelines.get((first / BLOCKS_PER_BATCH) % PIPELINES);
      added += addBlocks(first, count, pipeline);
    }
    return added;
  }

  private int addBlocks(int first, int count, long pipeline) {
    List<ArtifactRecord> upstream = new ArrayList<>(count * 4);
    for (int b = first; b < first + count; b++) {
      String run = "/bulk/" + b;
      upstream.add(ArtifactRecord.of("Examples", run + "/examples").withCustomProperty("span", b));
      upstream.add(ArtifactRecord.of("ExampleStatistics", run + "/statistics"));
      upstream.add(ArtifactRecord.of("Schema", run + "/schema"));
      upstream.add(ArtifactRecord.of("Model", run + "/model"));
    }
    List<Long> ids = lineage.putArtifacts(upstream, List.of(pipeline));
    List<ArtifactRecord> downstream = new ArrayList<>(count * 3);
    for (int i = 0; i < count; i++) {
      String run = "/bulk/" + (first + i);
      long model = ids.get(i * 4 + 3);
      boolean blessed = random.nextBoolean();
      downstream.add(ArtifactRecord.of("ModelEvaluation", run + "/evaluation"));
      downstream.add(
          ArtifactRecord.of("ModelBlessing", run + "/blessing")
              .withCustomProperty("blessed", blessed ? 1 : 0)
              .withCustomProperty("current_model_id", model));
      downstream.add(ArtifactRecord.of("PushedModel", run + "/pushed"));
    }
    lineage.putArtifacts(downstream, List.of(pipeline));
    return upstream.size() + downstream.size();
  }
}
