package dev.updraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.scheduler.dagbag.DagBag;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDagFolderTest {
  @TempDir Path work;

  @Test
  void generatedDagsLoadWithTheirTasksAndFanOut() throws IOException {
    Path dags = GeneratedDagFolder.create(new BenchmarkOptions(5, 20, 2, 1), work);

    try (Stream<Path> jars = Files.list(dags)) {
      assertThat(jars).hasSize(3);
    }
    try (DagBag bag = DagBag.load(dags)) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dagIds()).hasSize(5).first().isEqualTo("generated_00000");
      for (LoadedDag dag : bag.dags()) {
        assertThat(dag.dag().topologicalOrder()).hasSize(20);
        assertThat(dag.dag().downstream("start")).hasSize(3);
        assertThat(dag.dag().upstream("join_0")).hasSize(3);
        assertThat(dag.dag().leaves()).containsExactly("report_19");
      }
    }
  }

  @Test
  void generatesSmallDags() throws IOException {
    Path dags = GeneratedDagFolder.create(new BenchmarkOptions(1, 2, 1, 1), work);

    try (DagBag bag = DagBag.load(dags)) {
      assertThat(bag.importErrors()).isEmpty();
      assertThat(bag.dags())
          .singleElement()
          .satisfies(
              dag -> assertThat(dag.dag().topologicalOrder()).containsExactly("start", "report_1"));
    }
  }
}
