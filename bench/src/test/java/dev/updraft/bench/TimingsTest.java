package dev.updraft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void summarizesTenRuns() {
    Timings timings = Timings.of(List.of(10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0));

    assertThat(timings.min()).isEqualTo(1.0);
    assertThat(timings.median()).isEqualTo(5.5);
    assertThat(timings.p90()).isEqualTo(9.0);
  }

  @Test
  void summarizesOneRun() {
    assertThat(Timings.of(List.of(3.0))).isEqualTo(new Timings(3.0, 3.0, 3.0));
  }
}
