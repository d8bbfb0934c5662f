package dev.updraft.scheduler.dagbag.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.updraft.scheduler.dagbag.DagArtifacts;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagFolderWatcherTest {
  @TempDir Path tmp;
  private Path dags;
  private DagArtifacts artifacts;

  @BeforeEach
  void setUp() throws IOException {
    dags = Files.createDirectories(tmp.resolve("dags"));
    artifacts = new DagArtifacts(tmp.resolve("work"));
  }

  /** Writes a jar with one factory; bumps its mtime past any earlier version. */
  private Path jar(String name, String className, String source) throws IOException {
    Path jar = dags.resolve(name);
    FileTime before = Files.exists(jar) ? Files.getLastModifiedTime(jar) : null;
    artifacts.jar(jar, Map.of(className, source), List.of(className));
    if (before != null) {
      Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 10_000));
    }
    return jar;
  }

  private Path etlJar(String body) throws IOException {
    return jar("etl.jar", "com.example.Etl", DagArtifacts.factory("com.example.Etl", "etl", body));
  }

  @Test
  void addedJarAppearsAndUnchangedSourcesAreNotReloaded() throws IOException {
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      assertThat(watcher.refresh().hasChanges()).isFalse();
      assertThat(watcher.current().dags()).isEmpty();

      Path etl = etlJar("dag.bash(\"a\", \"echo a\");");
      RefreshResult first = watcher.refresh();
      assertThat(first.added()).containsExactly(etl.toString());
      LoadedDag loaded = watcher.current().dag("etl").orElseThrow();
      assertThat(loaded.source()).isEqualTo(etl.toString());
      ClassLoader loader = watcher.current().classLoader("etl").orElseThrow();

      Path other =
          jar("other.jar", "com.example.Other", DagArtifacts.factory("com.example.Other", "other"));
      RefreshResult second = watcher.refresh();
      assertThat(second.added()).containsExactly(other.toString());
      assertThat(second.changed()).isEmpty();
      assertThat(second.snapshot().dags())
          .extracting(LoadedDag::dagId)
          .containsExactly("etl", "other");
      assertThat(watcher.current().dag("etl")).containsSame(loaded);
      assertThat(watcher.current().classLoader("etl")).containsSame(loader);

      RefreshResult third = watcher.refresh();
      assertThat(third.hasChanges()).isFalse();
      assertThat(third.snapshot().dag("etl")).containsSame(loaded);
    }
  }

  @Test
  void changedJarIsReloadedInANewClassLoaderAndRemovedJarIsDropped() throws IOException {
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      Path etl = etlJar("dag.bash(\"a\", \"echo a\");");
      watcher.refresh();
      DagSnapshot before = watcher.current();
      assertThat(before.dag("etl").orElseThrow().dag().hasTask("b")).isFalse();
      ClassLoader oldLoader = before.classLoader("etl").orElseThrow();

      etlJar("dag.bash(\"a\", \"echo a\").then(dag.empty(\"b\"));");
      RefreshResult changed = watcher.refresh();
      assertThat(changed.changed()).containsExactly(etl.toString());
      assertThat(changed.added()).isEmpty();
      LoadedDag reloaded = watcher.current().dag("etl").orElseThrow();
      assertThat(reloaded.dag().hasTask("b")).isTrue();
      assertThat(watcher.current().classLoader("etl").orElseThrow()).isNotSameAs(oldLoader);
      assertThat(before.dag("etl").orElseThrow().dag().hasTask("b"))
          .as("an old snapshot is immutable")
          .isFalse();

      Files.delete(etl);
      RefreshResult removed = watcher.refresh();
      assertThat(removed.removed()).containsExactly(etl.toString());
      assertThat(watcher.current().dag("etl")).isEmpty();
      assertThat(watcher.current().dags()).isEmpty();
    }
  }

  @Test
  void failingJarIsAnImportErrorUntilFixed() throws IOException {
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      Path etl = etlJar("if (true) throw new IllegalStateException(\"boom\");");
      watcher.refresh();
      assertThat(watcher.current().dag("etl")).isEmpty();
      assertThat(watcher.current().importErrors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.source()).isEqualTo(etl.toString());
                assertThat(error.message() + error.stackTrace()).contains("boom");
              });

      etlJar("dag.bash(\"a\", \"echo a\");");
      RefreshResult fixed = watcher.refresh();
      assertThat(fixed.changed()).containsExactly(etl.toString());
      assertThat(watcher.current().importErrors()).isEmpty();
      assertThat(watcher.current().dag("etl")).isPresent();
    }
  }

  @Test
  void duplicateDagIdIsAnErrorOfTheLaterSourceUntilTheFirstGoes() throws IOException {
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      Path first = jar("a.jar", "com.example.A", DagArtifacts.factory("com.example.A", "etl"));
      Path second = jar("b.jar", "com.example.B", DagArtifacts.factory("com.example.B", "etl"));
      watcher.refresh();
      assertThat(watcher.current().dag("etl").orElseThrow().source()).isEqualTo(first.toString());
      assertThat(watcher.current().importErrors())
          .extracting(ImportError::source, ImportError::message)
          .containsExactly(tuple(second.toString(), "DAG id 'etl' is already defined in " + first));

      Files.delete(first);
      watcher.refresh();
      assertThat(watcher.current().dag("etl").orElseThrow().source()).isEqualTo(second.toString());
      assertThat(watcher.current().importErrors()).isEmpty();
    }
  }

  @Test
  void classFolderChangesAreSeenByTheNewestFile() throws IOException {
    try (DagFolderWatcher watcher = new DagFolderWatcher(dags)) {
      Path folder =
          artifacts.classFolder(
              dags.resolve("etl-classes"),
              Map.of("com.example.Etl", DagArtifacts.factory("com.example.Etl", "etl")),
              List.of("com.example.Etl"));
      assertThat(watcher.refresh().added()).containsExactly(folder.toString());
      LoadedDag loaded = watcher.current().dag("etl").orElseThrow();
      assertThat(watcher.refresh().hasChanges()).isFalse();

      Path clazz = folder.resolve("com/example/Etl.class");
      Files.setLastModifiedTime(
          clazz, FileTime.fromMillis(Files.getLastModifiedTime(clazz).toMillis() + 10_000));
      assertThat(watcher.refresh().changed()).containsExactly(folder.toString());
      assertThat(watcher.current().dag("etl").orElseThrow()).isNotSameAs(loaded);
    }
  }

  @Test
  void closedWatcherRefusesToRefresh() {
    DagFolderWatcher watcher = new DagFolderWatcher(dags);
    watcher.close();
    assertThatThrownBy(watcher::refresh).isInstanceOf(IllegalStateException.class);
  }
}
