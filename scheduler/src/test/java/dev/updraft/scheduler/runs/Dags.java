package dev.updraft.scheduler.runs;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.metadata.state.ParsedDag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Dag rows and run lists for the run-creation tests. */
final class Dags {
  private Dags() {}

  /** Writes a {@code dag} row for {@code dagId}, paused or not. */
  static void row(MetadataDatabase db, String dagId, boolean paused) {
    DagRepository dags = new DagRepository(db);
    dags.upsert(
        new ParsedDag(
            dagId, "/dags/test.jar", "ada", null, null, 16, 16, List.of(), paused, "{}", "h"));
    dags.setPaused(dagId, paused);
  }

  /** The logical dates of {@code dagId}'s runs, oldest first. */
  static List<Instant> logicalDates(MetadataDatabase db, String dagId) {
    return new DagRunRepository(db)
        .list(dagId).stream()
            .map(DagRunRecord::logicalDate)
            .filter(Objects::nonNull)
            .sorted(Comparator.naturalOrder())
            .toList();
  }
}
