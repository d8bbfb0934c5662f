package dev.updraft.sdk.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.TaskArgs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant LOGICAL_DATE = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void withoutBackoffTheDelayIsTheRetryDelay() {
    TaskArgs args = TaskArgs.builder().retryDelay(Duration.ofSeconds(42)).build().resolve();
    assertThat(RetryPolicy.delayAfter(args, "d", "t", LOGICAL_DATE, 3))
        .isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void exponentialBackoffMatchesAirflowsFormulaIncludingTheHashJitter() {
    // Expected values computed with Airflow's next_retry_datetime formula in Python (sha1 jitter).
    TaskArgs args =
        TaskArgs.builder()
            .retryDelay(Duration.ofSeconds(10))
            .retryExponentialBackoff(true)
            .build()
            .resolve();
    assertThat(RetryPolicy.delayAfter(args, "hello_world", "flaky", LOGICAL_DATE, 1))
        .isEqualTo(Duration.ofSeconds(19));
    assertThat(RetryPolicy.delayAfter(args, "hello_world", "flaky", LOGICAL_DATE, 3))
        .isEqualTo(Duration.ofSeconds(51));
  }

  @Test
  void backoffIsCappedAtOneDayAndAtMaxRetryDelay() {
    TaskArgs uncapped =
        TaskArgs.builder()
            .retryDelay(Duration.ofMinutes(5))
            .retryExponentialBackoff(true)
            .build()
            .resolve();
    assertThat(RetryPolicy.delayAfter(uncapped, "d", "t", LOGICAL_DATE, 20))
        .isEqualTo(Duration.ofDays(1));
    TaskArgs capped =
        uncapped.overriddenBy(TaskArgs.builder().maxRetryDelay(Duration.ofMinutes(7)).build());
    assertThat(RetryPolicy.delayAfter(capped, "d", "t", LOGICAL_DATE, 20))
        .isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void logicalDateIsRenderedAsPythonStrDoes() {
    assertThat(RetryPolicy.pythonStr(Instant.parse("2024-01-01T00:00:00Z")))
        .isEqualTo("2024-01-01 00:00:00+00:00");
    assertThat(RetryPolicy.pythonStr(Instant.parse("2024-01-01T00:00:00.5Z")))
        .isEqualTo("2024-01-01 00:00:00.500000+00:00");
  }
}
