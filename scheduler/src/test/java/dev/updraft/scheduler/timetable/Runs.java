package dev.updraft.scheduler.timetable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers to drive timetables in tests. */
final class Runs {
  private Runs() {}

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  /** A wall-clock time in {@code zone}, for readable start dates. */
  static Instant local(String dateTime, String zone) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  /** The logical dates of the first {@code count} runs, each asked for after the previous one. */
  static List<Instant> logicalDates(Timetable timetable, int count, boolean catchup, Instant now) {
    List<Instant> dates = new ArrayList<>();
    for (DagRunInfo run : runs(timetable, count, catchup, now)) {
      dates.add(run.logicalDate());
    }
    return dates;
  }

  /** Up to {@code count} runs, each asked for after the previous one, at the same {@code now}. */
  static List<DagRunInfo> runs(Timetable timetable, int count, boolean catchup, Instant now) {
    List<DagRunInfo> runs = new ArrayList<>();
    Instant last = null;
    while (runs.size() < count) {
      Optional<DagRunInfo> next = timetable.nextDagRun(last, now, catchup);
      if (next.isEmpty()) {
        break;
      }
      runs.add(next.get());
      last = next.get().logicalDate();
    }
    return runs;
  }

  /** The runs due by {@code now} after {@code last}: what a scheduler would create right now. */
  static List<Instant> dueLogicalDates(
      Timetable timetable, Instant last, boolean catchup, Instant now) {
    List<Instant> due = new ArrayList<>();
    Optional<DagRunInfo> next = timetable.nextDagRun(last, now, catchup);
    while (next.isPresent() && !next.get().runAfter().isAfter(now)) {
      due.add(next.get().logicalDate());
      next = timetable.nextDagRun(next.get().logicalDate(), now, catchup);
    }
    return due;
  }

  static List<Instant> instants(String... instants) {
    List<Instant> list = new ArrayList<>();
    for (String instant : instants) {
      list.add(at(instant));
    }
    return list;
  }
}
