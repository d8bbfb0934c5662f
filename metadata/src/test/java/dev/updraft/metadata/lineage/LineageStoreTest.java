package dev.updraft.metadata.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.sdk.artifact.ArtifactState;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The lineage store's own contract: types, properties, states, cache look-ups. */
class LineageStoreTest {
  private static final String BOTH = "dev.updraft.metadata.TestDatabases#both";

  @ParameterizedTest
  @MethodSource(BOTH)
  void typesDeclarePropertiesAndParentsAndGainFieldsButNeverChangeThem(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      long dataset = lineage.putType(TypeDefinition.artifactType("Dataset"));
      long examples =
          lineage.putType(
              TypeDefinition.artifactType("Examples")
                  .withProperty("span", PropertyType.INT)
                  .withParent("Dataset"));
      assertThat(examples).isNotEqualTo(dataset);
      // Getting again returns the same type; a new field is added.
      assertThat(
              lineage.putType(
                  TypeDefinition.artifactType("Examples")
                      .withProperty("version", PropertyType.INT)))
          .isEqualTo(examples);
      assertThat(lineage.type(TypeKind.ARTIFACT, "Examples").orElseThrow())
          .satisfies(
              type -> {
                assertThat(type.properties())
                    .isEqualTo(Map.of("span", PropertyType.INT, "version", PropertyType.INT));
                assertThat(type.parentTypes()).containsExactly("Dataset");
              });
      // The same name as another kind is another type.
      assertThat(lineage.putType(TypeDefinition.executionType("Examples"))).isNotEqualTo(examples);

      assertThatThrownBy(
              () ->
                  lineage.putType(
                      TypeDefinition.artifactType("Examples")
                          .withProperty("span", PropertyType.STRING)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'span' as INT, not STRING");
      assertThatThrownBy(() -> lineage.putType(TypeDefinition.artifactType("X").withParent("Nope")))
          .hasMessageContaining("parent type Nope");
      assertThatThrownBy(
              () ->
                  lineage.putArtifact(
                      ArtifactRecord.of("Examples", "/e").withProperty("span", "seven")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'span' of type Examples is INT, not STRING");
      assertThatThrownBy(
              () -> lineage.putArtifact(ArtifactRecord.of("Examples", "/e").withProperty("x", 1)))
          .hasMessageContaining("declares no property 'x'");
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void propertiesRoundTripTypedAndMergeWithoutLosingOthers(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      lineage.putType(
          TypeDefinition.artifactType("Examples")
              .withProperty("span", PropertyType.INT)
              .withProperty("ratio", PropertyType.DOUBLE)
              .withProperty("split_names", PropertyType.STRING)
              .withProperty("ok", PropertyType.BOOLEAN)
              .withProperty("stats", PropertyType.STRUCT));
      long id =
          lineage.putArtifact(
              ArtifactRecord.of("Examples", "/examples/1")
                  .withName("examples-1")
                  .withProperty("span", 3)
                  .withProperty("ratio", 0.25f)
                  .withProperty("split_names", "train,eval")
                  .withProperty("ok", true)
                  .withProperty("stats", Map.of("rows", 10, "columns", List.of("a", "b")))
                  .withCustomProperty("span", "custom span")
                  .withCustomProperty("big", Long.MAX_VALUE)
                  .withCustomProperty("empty", "")
                  .withCustomProperty("pi", Math.PI)
                  .withCustomProperty("no", false));

      ArtifactRecord stored = lineage.getArtifact(id).orElseThrow();
      assertThat(stored.name()).isEqualTo("examples-1");
      assertThat(stored.state()).isEqualTo(ArtifactState.LIVE);
      assertThat(stored.createTimeSinceEpoch()).isPositive();
      assertThat(stored.properties())
          .isEqualTo(
              Map.of(
                  "span",
                  3L,
                  "ratio",
                  0.25,
                  "split_names",
                  "train,eval",
                  "ok",
                  true,
                  "stats",
                  Map.of("rows", 10, "columns", List.of("a", "b"))));
      assertThat(stored.customProperties())
          .isEqualTo(
              Map.of(
                  "span",
                  "custom span",
                  "big",
                  Long.MAX_VALUE,
                  "empty",
                  "",
                  "pi",
                  Math.PI,
                  "no",
                  false));

      lineage.setArtifactProperties(id, Map.of("span", 4L), Map.of("pi", 3.0, "new", "n"));
      ArtifactRecord merged = lineage.getArtifact(id).orElseThrow();
      assertThat(merged.properties()).containsEntry("span", 4L).containsEntry("ok", true);
      assertThat(merged.customProperties())
          .containsEntry("pi", 3.0)
          .containsEntry("new", "n")
          .containsEntry("big", Long.MAX_VALUE);
      assertThat(merged.lastUpdateTimeSinceEpoch())
          .isGreaterThanOrEqualTo(stored.lastUpdateTimeSinceEpoch());
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void cacheLookupFindsTheNewestCompleteExecutionWhoseOutputsAreAllLive(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      long older = cached(lineage, "fp-1", ExecutionState.COMPLETE, 2);
      RecordedExecution newer = record(lineage, "fp-1", ExecutionState.COMPLETE, 2);
      record(lineage, "fp-1", ExecutionState.FAILED, 1);
      record(lineage, "fp-1", ExecutionState.RUNNING, 0);
      record(lineage, "fp-2", ExecutionState.COMPLETE, 1);

      assertThat(lineage.findCached("fp-1").map(ExecutionRecord::id)).contains(newer.executionId());
      assertThat(lineage.findCached("fp-1").orElseThrow().cacheFingerprint()).isEqualTo("fp-1");
      assertThat(lineage.findCached("fp-3")).isEmpty();

      // The newer one loses an output: the older one serves, as in TFX.
      lineage.updateArtifactState(
          newer.outputIds().get("out").get(1), ArtifactState.MARKED_FOR_DELETION);
      assertThat(lineage.findCached("fp-1").map(ExecutionRecord::id)).contains(older);

      long olderOutput = lineage.outputsOf(older).get("out").get(0).id();
      lineage.updateArtifactState(olderOutput, ArtifactState.MARKED_FOR_DELETION);
      assertThat(lineage.findCached("fp-1")).isEmpty();

      // A CACHED execution (one that reused outputs) counts as well.
      long reused = cached(lineage, "fp-1", ExecutionState.CACHED, 1);
      assertThat(lineage.findCached("fp-1").map(ExecutionRecord::id)).contains(reused);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void recordExecutionWritesEventsWithKeyAndIndexPathsAndContexts(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      PipelineContexts contexts = lineage.pipelineContexts("dag", "run-1", "train");
      assertThat(lineage.parentContextsOf(contexts.pipelineRunId()))
          .containsExactly(contexts.pipelineId());
      assertThat(lineage.parentContextsOf(contexts.nodeId()))
          .containsExactly(contexts.pipelineId());
      assertThat(lineage.getContext(contexts.nodeId()).orElseThrow())
          .satisfies(
              c -> {
                assertThat(c.name()).isEqualTo("dag/train");
                assertThat(c.properties())
                    .isEqualTo(Map.of("pipeline_name", "dag", "node_id", "train"));
              });
      assertThat(lineage.pipelineContexts("dag", "run-1", "train")).isEqualTo(contexts);

      long input = lineage.putArtifact(ArtifactRecord.of("Examples", "/in"));
      RecordedExecution recorded =
          lineage.recordExecution(
              ExecutionRecord.of("Trainer", ExecutionState.COMPLETE),
              Map.of(
                  "examples",
                  List.of(
                      ArtifactRecord.ref(input, "Examples"),
                      ArtifactRecord.of("Examples", "/in2"))),
              Map.of("model", List.of(ArtifactRecord.of("Model", "/m"))),
              contexts.ids());

      assertThat(recorded.inputIds().get("examples")).hasSize(2).startsWith(input);
      assertThat(lineage.inputsOf(recorded.executionId()).get("examples"))
          .extracting(ArtifactRecord::uri)
          .containsExactly("/in", "/in2");
      LineageGraph graph = lineage.lineageOfExecution(recorded.executionId(), Direction.BOTH, 1);
      assertThat(graph.events())
          .extracting(Event::type, Event::key, Event::index)
          .containsExactlyInAnyOrder(
              tuple(EventType.INPUT, "examples", 0),
              tuple(EventType.INPUT, "examples", 1),
              tuple(EventType.OUTPUT, "model", 0));
      assertThat(lineage.contextsOf(recorded.executionId()))
          .containsExactlyInAnyOrderElementsOf(contexts.ids());
      long model = recorded.outputIds().get("model").get(0);
      assertThat(lineage.latestArtifact("Model", contexts.pipelineId()).map(ArtifactRecord::id))
          .contains(model);
      assertThat(lineage.latestArtifact("Model", contexts.nodeId())).isPresent();
      assertThat(lineage.latestArtifact("Nothing", contexts.nodeId())).isEmpty();
      assertThat(Rows.table(t.db(), "attribution")).isEqualTo(3 * 3);
      assertThat(Rows.table(t.db(), "event_path")).isEqualTo(3 * 2);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void oneArtifactUnderTwoKeysGetsAnEventAndAPathForEach(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      long examples = lineage.putArtifact(ArtifactRecord.of("Examples", "/e"));
      ArtifactRecord ref = ArtifactRecord.ref(examples, "Examples");
      RecordedExecution recorded =
          lineage.recordExecution(
              ExecutionRecord.of("Evaluator", ExecutionState.COMPLETE),
              Map.of("train", List.of(ref), "eval", List.of(ref, ref)),
              Map.of(),
              List.of());

      Map<String, List<ArtifactRecord>> inputs = lineage.inputsOf(recorded.executionId());
      assertThat(inputs.get("train")).extracting(ArtifactRecord::id).containsExactly(examples);
      assertThat(inputs.get("eval"))
          .extracting(ArtifactRecord::id)
          .containsExactly(examples, examples);
      assertThat(Rows.table(t.db(), "event")).isEqualTo(3);
      assertThat(Rows.table(t.db(), "event_path")).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void largeWritesSpanSeveralStatements(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      PipelineContexts contexts = lineage.pipelineContexts("big", "run", "node");
      // 2,500 artifacts with two properties each: more rows and bind values than one statement
      // takes.
      List<ArtifactRecord> many =
          IntStream.range(0, 2500)
              .mapToObj(
                  i ->
                      ArtifactRecord.of("Examples", "/bulk/" + i)
                          .withCustomProperty("i", i)
                          .withCustomProperty("name", "n" + i))
              .toList();
      List<Long> ids = lineage.putArtifacts(many, List.of(contexts.pipelineId()));
      assertThat(ids).hasSize(2500).isSorted().doesNotHaveDuplicates();
      assertThat(lineage.getArtifact(ids.get(1234)).orElseThrow())
          .satisfies(
              a -> {
                assertThat(a.uri()).isEqualTo("/bulk/1234");
                assertThat(a.customProperties()).isEqualTo(Map.of("i", 1234L, "name", "n1234"));
              });

      // An execution reading 1,200 of them and writing 1,100.
      List<ArtifactRecord> outputs =
          IntStream.range(0, 1100)
              .mapToObj(i -> ArtifactRecord.of("Model", "/out/" + i).withCustomProperty("i", i))
              .toList();
      RecordedExecution recorded =
          lineage.recordExecution(
              ExecutionRecord.of("Trainer", ExecutionState.COMPLETE),
              Map.of(
                  "examples",
                  ids.subList(0, 1200).stream()
                      .map(id -> ArtifactRecord.ref(id, "Examples"))
                      .toList()),
              Map.of("models", outputs),
              contexts.ids());
      List<ArtifactRecord> stored = lineage.outputsOf(recorded.executionId()).get("models");
      assertThat(stored).hasSize(1100);
      assertThat(stored.get(1099).uri()).isEqualTo("/out/1099");
      assertThat(stored.get(1099).customProperties()).isEqualTo(Map.of("i", 1099L));
      assertThat(lineage.inputsOf(recorded.executionId()).get("examples"))
          .extracting(ArtifactRecord::id)
          .containsExactlyElementsOf(ids.subList(0, 1200));
      assertThat(Rows.table(t.db(), "event_path")).isEqualTo(2L * (1200 + 1100));
      assertThat(Rows.table(t.db(), "attribution")).isEqualTo(2500 + 3L * (1200 + 1100) - 1200);
    }
  }

  @ParameterizedTest
  @MethodSource(BOTH)
  void finishedExecutionsKeepTheirState(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      var lineage = new LineageStore(t.db());
      long id =
          lineage
              .recordExecution(
                  ExecutionRecord.of("Trainer", ExecutionState.RUNNING),
                  Map.of(),
                  Map.of(),
                  List.of())
              .executionId();
      assertThat(lineage.updateExecutionState(id, ExecutionState.COMPLETE, Map.of("k", 1)))
          .isTrue();
      assertThat(lineage.updateExecutionState(id, ExecutionState.COMPLETE, Map.of())).isFalse();
      assertThatThrownBy(() -> lineage.updateExecutionState(id, ExecutionState.FAILED, Map.of()))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(
              () -> lineage.updateExecutionState(424242, ExecutionState.FAILED, Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no execution 424242");
      assertThat(lineage.getExecution(id).orElseThrow().customProperties())
          .isEqualTo(Map.of("k", 1L));
    }
  }

  /** A finished execution with {@code outputs} new outputs under "out"; its id. */
  private static long cached(
      LineageStore lineage, String fingerprint, ExecutionState state, int outputs) {
    return record(lineage, fingerprint, state, outputs).executionId();
  }

  private static RecordedExecution record(
      LineageStore lineage, String fingerprint, ExecutionState state, int outputs) {
    List<ArtifactRecord> out =
        IntStream.range(0, outputs)
            .mapToObj(i -> ArtifactRecord.of("Model", "/m/" + fingerprint + "/" + i))
            .toList();
    return lineage.recordExecution(
        ExecutionRecord.of("Trainer", state).withCacheFingerprint(fingerprint),
        Map.of(),
        outputs == 0 ? Map.of() : Map.of("out", out),
        List.of());
  }
}
