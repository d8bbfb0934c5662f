package dev.updraft.scheduler.timetable;

import static dev.updraft.scheduler.timetable.Runs.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

class QuartzTriggersTest {
  private static final JobKey JOB = JobKey.jobKey("etl", "dags");
  private static final Instant START = at("2024-01-01T00:00:00Z");
  private static final Instant END = at("2024-12-31T00:00:00Z");
  private static final Instant NOW = at("2024-06-01T12:00:00Z");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Test
  void aCronTimetableBecomesACronTriggerInTheDagTimezone() {
    Timetable daily =
        new CronTriggerTimetable(new CronSchedule("30 1 * * *", AMSTERDAM), START, END);

    List<Trigger> triggers = QuartzTriggers.forTimetable(JOB, daily, false, NOW);

    assertThat(triggers).singleElement().isInstanceOf(CronTrigger.class);
    CronTrigger trigger = (CronTrigger) triggers.get(0);
    assertThat(trigger.getCronExpression()).isEqualTo("0 30 1 * * ? *");
    assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone(AMSTERDAM));
    assertThat(trigger.getStartTime()).isEqualTo(Date.from(START));
    assertThat(trigger.getEndTime()).isEqualTo(Date.from(END));
    assertThat(trigger.getJobKey()).isEqualTo(JOB);
    assertThat(trigger.getMisfireInstruction())
        .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
  }

  @Test
  void withCatchupAMisfiredCronTriggerFiresOnceAndGoesOn() {
    Timetable daily =
        new CronDataIntervalTimetable(new CronSchedule("0 0 * * *", AMSTERDAM), START, null);

    Trigger trigger = QuartzTriggers.forTimetable(JOB, daily, true, NOW).get(0);

    assertThat(trigger.getMisfireInstruction())
        .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
    assertThat(trigger.getEndTime()).isNull();
  }

  @Test
  void bothDayFieldsGiveTwoTriggersForOneJob() {
    Timetable either =
        new CronTriggerTimetable(new CronSchedule("0 12 1,15 * MON", AMSTERDAM), START, null);

    assertThat(QuartzTriggers.forTimetable(JOB, either, false, NOW))
        .extracting(trigger -> ((CronTrigger) trigger).getCronExpression())
        .containsExactly("0 0 12 1,15 * ? *", "0 0 12 ? * 2 *");
  }

  @Test
  void anIntervalBecomesARepeatingSimpleTriggerFromTheStartDate() {
    Instant start = at("2024-01-01T00:10:00.000000500Z");
    Timetable hourly = new DeltaTriggerTimetable(Duration.ofHours(1), start, END);

    List<Trigger> triggers = QuartzTriggers.forTimetable(JOB, hourly, false, NOW);

    assertThat(triggers).singleElement().isInstanceOf(SimpleTrigger.class);
    SimpleTrigger trigger = (SimpleTrigger) triggers.get(0);
    assertThat(trigger.getRepeatInterval()).isEqualTo(Duration.ofHours(1).toMillis());
    assertThat(trigger.getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
    // Rounded up to a whole millisecond, so no fire comes before its tick.
    assertThat(trigger.getStartTime()).isEqualTo(Date.from(at("2024-01-01T00:10:00.001Z")));
    assertThat(trigger.getMisfireInstruction())
        .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT);
  }

  @Test
  void onceFiresOnceAtTheStartDate() {
    List<Trigger> triggers =
        QuartzTriggers.forTimetable(JOB, new OnceTimetable(START, null), false, NOW);

    assertThat(triggers).singleElement().isInstanceOf(SimpleTrigger.class);
    assertThat(((SimpleTrigger) triggers.get(0)).getRepeatCount()).isZero();
    assertThat(triggers.get(0).getStartTime()).isEqualTo(Date.from(START));
  }

  @Test
  void noneAndContinuousHaveNoTriggers() {
    assertThat(QuartzTriggers.forTimetable(JOB, new NullTimetable(), false, NOW)).isEmpty();
    assertThat(QuartzTriggers.forTimetable(JOB, new ContinuousTimetable(START, null), false, NOW))
        .isEmpty();
  }

  @Test
  void withoutAStartDateACronTriggerStartsNow() {
    Timetable daily =
        new CronTriggerTimetable(new CronSchedule("0 0 * * *", AMSTERDAM), null, null);

    assertThat(QuartzTriggers.forTimetable(JOB, daily, false, NOW).get(0).getStartTime())
        .isEqualTo(Date.from(NOW));
  }
}
