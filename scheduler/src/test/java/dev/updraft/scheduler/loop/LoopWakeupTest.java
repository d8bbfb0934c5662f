package dev.updraft.scheduler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopWakeupTest {

  @Test
  void aSignalGivenBeforeTheWaitIsKeptAndConsumed() throws Exception {
    LoopWakeup wakeup = new LoopWakeup();
    wakeup.signal();
    long start = System.nanoTime();
    assertThat(wakeup.await(Duration.ofSeconds(5))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(wakeup.await(Duration.ofMillis(50))).isFalse(); // consumed
  }

  @Test
  void aSignalWakesAWaitingLoopBeforeItsPollInterval() throws Exception {
    LoopWakeup wakeup = new LoopWakeup();
    CompletableFuture<Boolean> waiter =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return wakeup.await(Duration.ofSeconds(30));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(50);
    wakeup.signal();
    assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void withoutASignalTheWaitLastsThePollInterval() throws Exception {
    LoopWakeup wakeup = new LoopWakeup();
    long start = System.nanoTime();
    assertThat(wakeup.await(Duration.ofMillis(100))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }
}
