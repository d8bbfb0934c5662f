package dev.updraft.bench.scheduler;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements Jdbi executes, to report statements per task instance, and sums their
 * time by SQL text for a brief profile.
 */
final class StatementCounter implements SqlLogger {
  private final AtomicLong count = new AtomicLong();
  private final Map<String, Totals> bySql = new ConcurrentHashMap<>();

  /** How often one SQL text ran and for how long in all. */
  record Top(String sql, long count, double millis) {}

  private static final class Totals {
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();
  }

  @Override
  public void logAfterExecution(StatementContext context) {
    record(context);
  }

  @Override
  public void logException(StatementContext context, java.sql.SQLException ex) {
    record(context);
  }

  private void record(StatementContext context) {
    count.incrementAndGet();
    Totals totals = bySql.computeIfAbsent(String.valueOf(context.getRawSql()), k -> new Totals());
    totals.count.increment();
    totals.nanos.add(context.getElapsedTime(ChronoUnit.NANOS));
  }

  long count() {
    return count.get();
  }

  /** Forgets the times by SQL text. */
  void resetProfile() {
    bySql.clear();
  }

  /** The {@code n} SQL texts that took longest in all since the last reset. */
  List<Top> top(int n) {
    return bySql.entrySet().stream()
        .map(e -> new Top(e.getKey(), e.getValue().count.sum(), e.getValue().nanos.sum() / 1e6))
        .sorted(Comparator.comparingDouble(Top::millis).reversed())
        .limit(n)
        .toList();
  }
}
