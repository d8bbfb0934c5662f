package dev.updraft.metadata.state;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.internal.Times;
import java.time.Clock;

/** The API's changes to a run's own columns: its note and who triggered it. */
public final class DagRunEdits {
  private final MetadataDatabase db;
  private final Clock clock;

  public DagRunEdits(MetadataDatabase db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records {@code user} as who triggered the run; false if it does not exist. */
  public boolean setTriggeringUser(String dagId, String runId, String user) {
    return update("triggering_user_name", dagId, runId, user);
  }

  /** Sets (or, with {@code null}, removes) the run's note; false if it does not exist. */
  public boolean setNote(String dagId, String runId, String note) {
    return update("note", dagId, runId, note);
  }

  private boolean update(String column, String dagId, String runId, String value) {
    return db.inTransaction(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE dag_run SET "
                            + column
                            + " = :value, updated_at = :now"
                            + " WHERE dag_id = :dagId AND run_id = :runId")
                    .bind("value", value)
                    .bind("now", Times.arg(clock.instant()))
                    .bind("dagId", dagId)
                    .bind("runId", runId)
                    .execute()
                > 0);
  }
}
