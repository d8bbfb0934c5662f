package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dag_version rows written by upserts, the DAG listing's page and total, and DAG deletion. */
class DagVersionAndListingTest {
  private static ParsedDag parsed(String dagId, String hash, List<String> tags) {
    return new ParsedDag(
        dagId,
        "/dags/a.jar",
        "ml",
        null,
        null,
        null,
        16,
        tags,
        false,
        "{\"h\":\"" + hash + "\"}",
        hash);
  }

  private static DagQuery all(List<DagQuery.Order> order, int limit, int offset) {
    return new DagQuery(
        List.of(),
        List.of(),
        List.of(),
        false,
        List.of(),
        true,
        null,
        null,
        List.of(),
        DagQuery.RunBounds.NONE,
        false,
        order,
        limit,
        offset);
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void aNewSerializedHashIsTheNextVersionOfThatDag(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      TestClock clock = TestClock.at("2025-03-01T10:00:00Z");
      DagRepository dags = new DagRepository(db, clock);
      DagVersionRepository versions = new DagVersionRepository(db);
      dags.upsert(parsed("a", "h1", List.of()));
      dags.upsert(parsed("b", "h1", List.of()));
      clock.advance(Duration.ofMinutes(1));
      dags.upsert(parsed("a", "h1", List.of()));
      dags.upsert(parsed("a", "h2", List.of()));

      DagVersionRecord latest = versions.find("a", null).orElseThrow();
      assertThat(latest.versionNumber()).isEqualTo(2);
      assertThat(latest.hash()).isEqualTo("h2");
      assertThat(latest.bundleName()).isEqualTo("dags-folder");
      assertThat(latest.createdAt()).isEqualTo(clock.instant());
      assertThat(versions.find("b", null).orElseThrow().versionNumber()).isEqualTo(1);
      DagVersionQuery byId =
          new DagVersionQuery(
              "a", null, null, null, List.of(new DagVersionQuery.Order("id", false)), 10, 0);
      // Ids are time-ordered, as Airflow's: by id is by creation.
      assertThat(versions.page(byId))
          .extracting(DagVersionRecord::versionNumber)
          .containsExactly(1, 2);
      assertThat(versions.count(byId)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void pagesDagsWithTheirTagsAndCountsThemAll(Dialect dialect) {
    try (var t = TestDatabases.fresh(dialect)) {
      MetadataDatabase db = t.db();
      DagRepository dags = new DagRepository(db);
      for (int i = 0; i < 12; i++) {
        dags.upsert(
            parsed("dag_%02d".formatted(i), "h", i % 2 == 0 ? List.of("even", "x") : List.of()));
      }
      DagListing listing = new DagListing(db);
      DagQuery page = all(List.of(new DagQuery.Order("dag_id", true)), 5, 2);
      List<DagRecord> rows = listing.page(page);
      assertThat(rows)
          .extracting(DagRecord::dagId)
          .containsExactly("dag_09", "dag_08", "dag_07", "dag_06", "dag_05");
      assertThat(rows.get(1).tags()).containsExactly("even", "x");
      assertThat(rows.get(0).tags()).isEmpty();
      assertThat(listing.count(page)).isEqualTo(12);

      assertThat(listing.setPaused(List.of("dag_11", "dag_10", "no_such_dag"), true)).isEqualTo(2);
      assertThat(dags.find("dag_11").orElseThrow().isPaused()).isTrue();

      assertThat(new DagDeletion(db).delete("dag_11")).isEqualTo(DagDeletion.Outcome.DELETED);
      assertThat(new DagDeletion(db).delete("dag_11")).isEqualTo(DagDeletion.Outcome.NOT_FOUND);
      assertThat(new DagVersionRepository(db).find("dag_11", null)).isEmpty();
      assertThat(listing.count(page)).isEqualTo(11);
    }
  }
}
