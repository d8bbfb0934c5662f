package dev.updraft.scheduler.timetable;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunRequestSchedulerTest {

  private record Request(String dagId, DagRunInfo info) {}

  @Test
  void requestsARunEverySecondUntilUnscheduled() throws InterruptedException {
    List<Request> requests = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    AtomicBoolean unscheduled = new AtomicBoolean();
    CountDownLatch afterUnschedule = new CountDownLatch(1);
    RunRequestSink sink =
        (dagId, info) -> {
          if (unscheduled.get()) {
            afterUnschedule.countDown();
          }
          requests.add(new Request(dagId, info));
          two.countDown();
        };
    Instant start = Instant.now();
    Dag dag =
        Dag.builder("ticker")
            .schedule(Schedule.every(Duration.ofSeconds(1)))
            .startDate(start)
            .build();

    try (RunRequestScheduler scheduler = new RunRequestScheduler(sink)) {
      assertThat(scheduler.schedule("ticker", Timetables.of(dag))).isTrue();
      assertThat(scheduler.scheduledDagIds()).containsExactly("ticker");

      assertThat(two.await(10, SECONDS)).isTrue();
      scheduler.unschedule("ticker");
      unscheduled.set(true);

      assertThat(scheduler.scheduledDagIds()).isEmpty();
      assertThat(afterUnschedule.await(1500, MILLISECONDS)).isFalse();
    }
    assertThat(requests).allMatch(request -> request.dagId().equals("ticker"));
    assertThat(requests.subList(0, 2))
        .extracting(Request::info)
        .containsExactly(DagRunInfo.exact(start), DagRunInfo.exact(start.plusSeconds(1)));
  }

  @Test
  void withCatchupMissedRunsAreRequestedAtOnceInOrder() throws InterruptedException {
    List<Instant> requested = new CopyOnWriteArrayList<>();
    CountDownLatch three = new CountDownLatch(3);
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    Dag dag =
        Dag.builder("daily").schedule("@daily").startDate(today.minus(2, ChronoUnit.DAYS)).build();

    try (RunRequestScheduler scheduler =
        new RunRequestScheduler(
            (dagId, info) -> {
              requested.add(info.logicalDate());
              three.countDown();
            })) {
      scheduler.schedule("daily", Timetables.of(dag), true, null);

      assertThat(three.await(5, SECONDS)).isTrue();
    }
    assertThat(requested)
        .startsWith(today.minus(2, ChronoUnit.DAYS), today.minus(1, ChronoUnit.DAYS), today);
  }

  @Test
  void dagsWithoutAClockAreNotScheduled() {
    try (RunRequestScheduler scheduler = new RunRequestScheduler((dagId, info) -> {})) {
      assertThat(scheduler.schedule("manual", new NullTimetable())).isFalse();
      assertThat(scheduler.schedule("loop", new ContinuousTimetable(Instant.now(), null)))
          .isFalse();
      assertThat(scheduler.scheduledDagIds()).isEmpty();
    }
  }
}
