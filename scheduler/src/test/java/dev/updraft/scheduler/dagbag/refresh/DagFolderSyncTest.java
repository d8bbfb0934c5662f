package dev.updraft.scheduler.dagbag.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.metadata.Dialect;
import dev.updraft.metadata.TestDatabases;
import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.ImportErrorRecord;
import dev.updraft.metadata.state.ImportErrorRepository;
import dev.updraft.scheduler.dagbag.DagArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DagFolderSyncTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @MethodSource("dev.updraft.metadata.TestDatabases#both")
  void tablesFollowTheFolderAcrossRefreshes(Dialect dialect) throws Exception {
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    DagArtifacts artifacts = new DagArtifacts(tmp.resolve("work"));
    Path etl = dags.resolve("etl.jar");
    try (TestDatabases.TestDatabase fresh = TestDatabases.fresh(dialect);
        DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      DagFolderSync sync = new DagFolderSync(fresh.db());
      DagRepository dagRows = new DagRepository(fresh.db());
      ImportErrorRepository errorRows = new ImportErrorRepository(fresh.db());

      writeEtl(artifacts, etl, "dag.bash(\"a\", \"echo a\");");
      sync.refreshed(watcher.refresh());
      assertThat(dagRows.find("etl").orElseThrow().isStale()).isFalse();
      assertThat(dagRows.serialized("etl").orElseThrow().data()).doesNotContain("\"b\"");

      writeEtl(artifacts, etl, "dag.bash(\"a\", \"echo a\").then(dag.empty(\"b\"));");
      sync.refreshed(watcher.refresh());
      assertThat(dagRows.serialized("etl").orElseThrow().data()).contains("\"b\"");

      writeEtl(artifacts, etl, "if (true) throw new IllegalStateException(\"boom\");");
      sync.refreshed(watcher.refresh());
      assertThat(errorRows.list())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.filename()).isEqualTo(etl.toString());
                assertThat(error.stacktrace()).contains("boom");
              });
      assertThat(dagRows.find("etl").orElseThrow().hasImportErrors()).isTrue();

      writeEtl(artifacts, etl, "dag.bash(\"a\", \"echo a\");");
      sync.refreshed(watcher.refresh());
      assertThat(errorRows.list()).isEmpty();
      DagRecord fixed = dagRows.find("etl").orElseThrow();
      assertThat(fixed.hasImportErrors()).isFalse();
      assertThat(fixed.isStale()).isFalse();

      writeEtl(artifacts, etl, "if (true) throw new IllegalStateException(\"boom\");");
      sync.refreshed(watcher.refresh());
      Files.delete(etl);
      sync.refreshed(watcher.refresh());
      assertThat(dagRows.find("etl").orElseThrow().isStale()).isTrue();
      assertThat(errorRows.list()).extracting(ImportErrorRecord::filename).isEmpty();
    }
  }

  private static void writeEtl(DagArtifacts artifacts, Path jar, String body) throws Exception {
    FileTime before = Files.exists(jar) ? Files.getLastModifiedTime(jar) : null;
    artifacts.jar(
        jar,
        Map.of("com.example.Etl", DagArtifacts.factory("com.example.Etl", "etl", body)),
        List.of("com.example.Etl"));
    if (before != null) {
      Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 10_000));
    }
  }
}
