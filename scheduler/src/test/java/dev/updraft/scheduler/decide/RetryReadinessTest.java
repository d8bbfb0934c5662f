package dev.updraft.scheduler.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.TaskArgs;
import dev.updraft.sdk.internal.run.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryReadinessTest {
  private static final Instant END = Instant.parse("2024-01-01T00:00:00Z");

  @ParameterizedTest
  @CsvSource({"0,false", "299,false", "300,false", "301,true", "3600,true"})
  void readyOnlyAfterDelayHasPassed(long secondsAfterEnd, boolean ready) {
    assertThat(RetryReadiness.isReady(END, Duration.ofMinutes(5), END.plusSeconds(secondsAfterEnd)))
        .isEqualTo(ready);
  }

  @Test
  void zeroDelayReadyJustAfterEnd() {
    assertThat(RetryReadiness.isReady(END, Duration.ZERO, END.plusMillis(1))).isTrue();
  }

  @Test
  void noEndDateIsReady() {
    assertThat(RetryReadiness.isReady(null, Duration.ofMinutes(5), END)).isTrue();
  }

  @Test
  void worksWithRetryPolicyDelay() {
    TaskArgs args = TaskArgs.builder().retryDelay(Duration.ofSeconds(30)).build();
    Duration delay = RetryPolicy.delayAfter(args, "dag", "task", END, 1);
    assertThat(RetryReadiness.isReady(END, delay, END.plusSeconds(30))).isFalse();
    assertThat(RetryReadiness.isReady(END, delay, END.plusSeconds(31))).isTrue();
  }
}
