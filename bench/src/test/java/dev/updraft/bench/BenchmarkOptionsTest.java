package dev.updraft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
  @Test
  void defaultsToAThousandDagsOfTwentyTasksOnePerJar() {
    assertThat(BenchmarkOptions.parse(List.of())).isEqualTo(new BenchmarkOptions(1000, 20, 1, 10));
  }

  @Test
  void readsFlagsAndCountsJars() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(List.of("--dags", "1000", "--per-jar", "100", "--tasks", "5"));

    assertThat(options.jars()).isEqualTo(10);
    assertThat(options.tasks()).isEqualTo(5);
    assertThat(new BenchmarkOptions(7, 1, 3, 1).jars()).isEqualTo(3);
  }

  @Test
  void rejectsUnknownFlagsAndBadCounts() {
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--jars-per-dag", "2")))
        .hasMessageContaining("unknown flag");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--dags", "many")))
        .hasMessageContaining("needs a number");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--dags")))
        .hasMessageContaining("missing value");
    assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--tasks", "0")))
        .hasMessageContaining("at least 1");
  }
}
