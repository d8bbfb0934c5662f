package dev.updraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.examples.hello.HelloWorld;
import dev.updraft.metadata.DatabaseConfig;
import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.lineage.Direction;
import dev.updraft.metadata.lineage.LineageGraph;
import dev.updraft.metadata.lineage.LineageStore;
import dev.updraft.metadata.lineage.MetadataArtifactStore;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.TaskState;
import dev.updraft.sdk.artifact.Artifact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `dags test` against a real PostgreSQL records the run, its task instances and lineage. */
class DagsTestRecordsOnPostgresTest {
  private static final String RUN_ID = "manual__2024-05-01T00:00:00+00:00";

  @Test
  void lineageOfTheLastOutputWalksBackToTheFirstArtifact(@TempDir Path home) throws Exception {
    try (TestDatabases.TestDatabase postgres = TestDatabases.fresh(Dialect.POSTGRESQL)) {
      recordAndWalkBack(home, postgres.db().config());
    }
  }

  private static void recordAndWalkBack(Path home, DatabaseConfig database) throws Exception {
    Path examples =
        Path.of(HelloWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    UpdraftConfig config = new UpdraftConfig(home, home.resolve("dags"), examples, true, database);
    StringWriter out = new StringWriter();
    CommandLine line = UpdraftCommand.commandLine(config);
    line.setOut(new PrintWriter(out, true));
    int code =
        line.execute(
            "dags",
            "test",
            "custom_components",
            "--logical-date",
            "2024-05-01",
            "--conf",
            "{\"data_dir\": \"" + home.resolve("data") + "\"}");
    assertThat(code).as(out.toString()).isZero();

    try (MetadataDatabase db = MetadataDatabase.open(database)) {
      DagRunRecord run = new DagRunRepository(db).find("custom_components", RUN_ID).orElseThrow();
      assertThat(run.state()).isEqualTo(DagRunState.SUCCESS);
      List<TaskInstanceRecord> instances =
          new TaskInstanceRepository(db).listForRun("custom_components", RUN_ID);
      assertThat(instances).extracting(TaskInstanceRecord::state).containsOnly(TaskState.SUCCESS);
      assertThat(instances)
          .extracting(TaskInstanceRecord::taskId)
          .containsExactlyInAnyOrder(
              "write_sample_data", "KeyValueExampleGen", "FilterExamples", "SummarizeColumn");

      LineageStore lineage = new LineageStore(db);
      MetadataArtifactStore store = new MetadataArtifactStore(lineage, home.resolve("artifacts"));
      Artifact summary =
          store.outputsOf("custom_components", RUN_ID, "SummarizeColumn", "statistics").get(0);
      Artifact first =
          store.outputsOf("custom_components", RUN_ID, "KeyValueExampleGen", "examples").get(0);
      LineageGraph graph = lineage.lineageOfArtifact(summary.id(), Direction.UPSTREAM, 10);
      assertThat(graph.artifactIds()).contains(first.id());
      assertThat(graph.artifactsOfType("Examples")).hasSize(2);
      assertThat(graph.executions()).hasSize(3);
      LineageGraph oneHop = lineage.lineageOfArtifact(summary.id(), Direction.UPSTREAM, 1);
      assertThat(oneHop.artifactIds()).doesNotContain(first.id());
    }
  }
}
