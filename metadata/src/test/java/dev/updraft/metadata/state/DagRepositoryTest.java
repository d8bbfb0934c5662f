package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DagRepositoryTest {
  private static ParsedDag parsed(String dagId, String hash, List<String> tags) {
    return new ParsedDag(
        dagId,
        "/dags/pipelines.jar",
        "ml-team",
        "trains the penguin model",
        "0 0 * * *",
        3,
        8,
        tags,
        true,
        "{\"dag_id\":\"" + dagId + "\",\"hash\":\"" + hash + "\"}",
        hash);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void upsertInsertsThenUpdatesKeepingPausedAndRewritingSerializedOnlyOnNewHash(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TestClock clock = TestClock.at("2025-03-01T10:00:00Z");
      DagRepository dags = new DagRepository(db, clock);

      DagRecord created = dags.upsert(parsed("penguin", "h1", List.of("ml", "daily", "ml")));
      assertThat(created.dagId()).isEqualTo("penguin");
      assertThat(created.isPaused()).isTrue();
      assertThat(created.isStale()).isFalse();
      assertThat(created.fileloc()).isEqualTo("/dags/pipelines.jar");
      assertThat(created.owners()).isEqualTo("ml-team");
      assertThat(created.description()).isEqualTo("trains the penguin model");
      assertThat(created.timetableSummary()).isEqualTo("0 0 * * *");
      assertThat(created.maxActiveRuns()).isEqualTo(3);
      assertThat(created.maxActiveTasks()).isEqualTo(8);
      assertThat(created.tags()).containsExactly("daily", "ml");
      assertThat(created.lastParsedTime()).isEqualTo(clock.instant());
      assertThat(dags.serialized("penguin").orElseThrow())
          .isEqualTo(
              new SerializedDag(
                  "penguin", "{\"dag_id\":\"penguin\",\"hash\":\"h1\"}", "h1", clock.instant()));

      assertThat(dags.setPaused("penguin", false)).isTrue();
      Instant firstSerialized = clock.instant();
      Instant secondParse = clock.advance(Duration.ofMinutes(5));
      DagRecord reparsed = dags.upsert(parsed("penguin", "h1", List.of("ml")));
      assertThat(reparsed.isPaused()).as("a user's pause survives re-parsing").isFalse();
      assertThat(reparsed.tags()).containsExactly("ml");
      assertThat(reparsed.lastParsedTime()).isEqualTo(secondParse);
      assertThat(dags.serialized("penguin").orElseThrow().lastUpdated())
          .as("same hash, serialized row untouched")
          .isEqualTo(firstSerialized);

      Instant thirdParse = clock.advance(Duration.ofMinutes(5));
      dags.upsert(parsed("penguin", "h2", List.of()));
      SerializedDag changed = dags.serialized("penguin").orElseThrow();
      assertThat(changed.dagHash()).isEqualTo("h2");
      assertThat(changed.data()).contains("\"h2\"");
      assertThat(changed.lastUpdated()).isEqualTo(thirdParse);
      assertThat(dags.find("penguin").orElseThrow().tags()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void listFindPauseNextRunAndStaleness(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      DagRepository dags = new DagRepository(db);
      dags.upsert(parsed("b_dag", "1", List.of("x")));
      dags.upsert(parsed("a_dag", "1", List.of("y", "z")));
      dags.upsert(parsed("c_dag", "1", List.of()));

      assertThat(dags.list())
          .extracting(DagRecord::dagId)
          .containsExactly("a_dag", "b_dag", "c_dag");
      assertThat(dags.list())
          .extracting(DagRecord::tags)
          .containsExactly(List.of("y", "z"), List.of("x"), List.of());
      assertThat(dags.find("missing")).isEmpty();
      assertThat(dags.setPaused("missing", true)).isFalse();

      Instant logical = Instant.parse("2025-03-02T00:00:00Z");
      NextDagRun next =
          new NextDagRun(
              logical, logical, logical.plus(Duration.ofDays(1)), logical.plus(Duration.ofDays(1)));
      assertThat(dags.setNextDagRun("a_dag", next)).isTrue();
      DagRecord a = dags.find("a_dag").orElseThrow();
      assertThat(a.nextDagrun()).isEqualTo(logical);
      assertThat(a.nextDagrunDataIntervalStart()).isEqualTo(logical);
      assertThat(a.nextDagrunDataIntervalEnd()).isEqualTo(logical.plus(Duration.ofDays(1)));
      assertThat(a.nextDagrunCreateAfter()).isEqualTo(logical.plus(Duration.ofDays(1)));
      dags.setNextDagRun("a_dag", NextDagRun.none());
      assertThat(dags.find("a_dag").orElseThrow().nextDagrun()).isNull();

      assertThat(dags.markStaleExcept("/dags/pipelines.jar", Set.of("a_dag"))).isEqualTo(2);
      assertThat(dags.list())
          .extracting(DagRecord::dagId, DagRecord::isStale)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("a_dag", false),
              org.assertj.core.groups.Tuple.tuple("b_dag", true),
              org.assertj.core.groups.Tuple.tuple("c_dag", true));
      dags.upsert(parsed("b_dag", "1", List.of("x")));
      assertThat(dags.find("b_dag").orElseThrow().isStale()).as("parsed again").isFalse();
      assertThat(dags.markStaleExcept("/dags/pipelines.jar", Set.of())).isEqualTo(3);
    }
  }
}
