package dev.updraft.scheduler.dagsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.ImportErrorRecord;
import dev.updraft.metadata.state.ImportErrorRepository;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.internal.compile.DagCompiler;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DagSyncTest {
  private static final String JAR = "/dags/pipelines.jar";

  private static LoadedDag loaded(String dagId, String source) {
    DagBuilder builder =
        Dag.builder(dagId)
            .schedule("@daily")
            .startDate("2024-01-01")
            .description("a test DAG")
            .owner("ada")
            .tags("ml", "daily");
    builder.bash("a", "echo a").then(builder.empty("b"));
    return new LoadedDag(DagCompiler.compile(builder.build()), source, "com.example.Factory");
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void writesDagsAndTheirSerializedForm(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      new DagSync(fresh.db()).sync(List.of(loaded("etl", JAR)), List.of());

      DagRepository dags = new DagRepository(fresh.db());
      DagRecord dag = dags.find("etl").orElseThrow();
      assertThat(dag.fileloc()).isEqualTo(JAR);
      assertThat(dag.owners()).isEqualTo("ada");
      assertThat(dag.description()).isEqualTo("a test DAG");
      assertThat(dag.timetableSummary()).as("presets expand, as Airflow").isEqualTo("0 0 * * *");
      assertThat(dag.tags()).containsExactly("daily", "ml");
      assertThat(dag.isPaused()).as("Airflow's dags_are_paused_at_creation").isTrue();
      assertThat(dag.maxActiveRuns()).isEqualTo(16);
      assertThat(dags.serialized("etl").orElseThrow().data()).contains("\"etl\"");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void newDagsMayStartUnpausedAndKnownOnesKeepTheirFlag(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      DagSync sync = new DagSync(fresh.db(), false);
      sync.sync(List.of(loaded("etl", JAR)), List.of());
      DagRepository dags = new DagRepository(fresh.db());
      assertThat(dags.find("etl").orElseThrow().isPaused()).isFalse();

      dags.setPaused("etl", true);
      sync.sync(List.of(loaded("etl", JAR)), List.of());
      assertThat(dags.find("etl").orElseThrow().isPaused()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void replacesImportErrorsPerFileAndClearsThemWhenTheFileLoads(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      DagSync sync = new DagSync(fresh.db());
      ImportErrorRepository errors = new ImportErrorRepository(fresh.db());
      ImportError broken = new ImportError(JAR, "factory Foo failed", "trace", Instant.now());
      ImportError other = new ImportError("/dags/other.jar", "bad", "", Instant.now());

      sync.sync(List.of(), List.of(broken, other));
      assertThat(errors.list())
          .extracting(ImportErrorRecord::filename)
          .containsExactly("/dags/other.jar", JAR);
      assertThat(errors.list().get(1).stacktrace()).contains("factory Foo failed", "trace");

      sync.sync(List.of(), List.of(broken, other));
      assertThat(errors.list()).as("replaced, not added").hasSize(2);

      DagSync.Result result = sync.sync(List.of(loaded("etl", JAR)), List.of(other));
      assertThat(result.filesCleared()).isEqualTo(1);
      assertThat(errors.list())
          .extracting(ImportErrorRecord::filename)
          .containsExactly("/dags/other.jar");
      assertThat(new DagRepository(fresh.db()).find("etl").orElseThrow().hasImportErrors())
          .isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void marksDagsGoneFromTheirFileAsStale(Dialect dialect) {
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect)) {
      DagSync sync = new DagSync(fresh.db());
      sync.sync(List.of(loaded("etl", JAR), loaded("report", JAR)), List.of());
      sync.sync(List.of(loaded("etl", JAR)), List.of());
      DagRepository dags = new DagRepository(fresh.db());
      assertThat(dags.find("report").orElseThrow().isStale()).isTrue();
      assertThat(dags.find("etl").orElseThrow().isStale()).isFalse();
    }
  }
}
