package dev.updraft.bench.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.bench.Percentiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerBenchmarkHelpersTest {
  @Test
  void percentilesUseTheNearestRank() {
    double[] millis = new double[100];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = 100 - i;
    }
    Percentiles p = Percentiles.ofMillis(millis);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void optionsHaveTheIssuesDefaults() {
    SchedulerBenchmarkOptions options = SchedulerBenchmarkOptions.parse(List.of("--db", "h2"));
    assertThat(options.runs()).isEqualTo(5);
    assertThat(options.sequentialTasks()).isEqualTo(40);
    assertThat(options.wideTasks()).isEqualTo(10_000);
    assertThat(options.chainTasks()).isEqualTo(200);
    assertThat(options.pollInterval()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void postgresqlNeedsAUrl() {
    assertThatThrownBy(() -> SchedulerBenchmarkOptions.parse(List.of("--db", "postgresql")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--url");
  }

  @Test
  void taskIdsSortInChainOrder() {
    assertThat(BenchDags.taskId(9)).isLessThan(BenchDags.taskId(10));
  }
}
