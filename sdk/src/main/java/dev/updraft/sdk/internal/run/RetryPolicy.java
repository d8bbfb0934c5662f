package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.TaskArgs;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * When a failed try may be retried, computed as Airflow's {@code next_retry_datetime}: the retry
 * delay, or with exponential backoff {@code ceil(delay * 2^(try-1))} seconds plus a jitter below
 * that, taken deterministically from a SHA-1 of {@code dag_id#task_id#logical_date#try_number},
 * capped at one day and at {@code max_retry_delay}.
 */
public final class RetryPolicy {
  /** Airflow's default {@code core.max_task_retry_delay}: one day, in seconds. */
  static final long MAX_RETRY_DELAY_SECONDS = 86_400;

  private RetryPolicy() {}

  /** The delay after try {@code tryNumber} (1-based) ended before the next may start. */
  public static Duration delayAfter(
      TaskArgs resolvedArgs, String dagId, String taskId, Instant logicalDate, int tryNumber) {
    Duration delay = resolvedArgs.retryDelay();
    if (!Boolean.TRUE.equals(resolvedArgs.retryExponentialBackoff())) {
      return delay;
    }
    double seconds = delay.toMillis() / 1000.0 * Math.pow(2, tryNumber - 1);
    long minBackoff =
        Double.isInfinite(seconds) || seconds > MAX_RETRY_DELAY_SECONDS
            ? MAX_RETRY_DELAY_SECONDS
            : (long) Math.ceil(seconds);
    minBackoff = Math.max(minBackoff, 1);
    String key = dagId + "#" + taskId + "#" + pythonStr(logicalDate) + "#" + tryNumber;
    long jitter = sha1(key).mod(BigInteger.valueOf(minBackoff)).longValue();
    Duration backoff = Duration.ofSeconds(Math.min(minBackoff + jitter, MAX_RETRY_DELAY_SECONDS));
    Duration max = resolvedArgs.maxRetryDelay();
    return max != null && max.compareTo(backoff) < 0 ? max : backoff;
  }

  /** Python's {@code str()} of an aware UTC datetime, as Airflow's f-string renders it. */
  static String pythonStr(Instant instant) {
    if (instant == null) {
      return "None";
    }
    OffsetDateTime time = instant.atOffset(ZoneOffset.UTC);
    String text = time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    if (time.getNano() / 1000 != 0) {
      text += String.format(".%06d", time.getNano() / 1000);
    }
    return text + "+00:00";
  }

  private static BigInteger sha1(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
