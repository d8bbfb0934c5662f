package dev.updraft.cli.internal;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;

/** Looking up a DAG run by id, with the error message the CLI gives for a missing one. */
final class Runs {
  private Runs() {}

  static DagRunRecord require(MetadataSession session, String dagId, String runId) {
    session.catalog().require(dagId);
    return new DagRunRepository(session.db())
        .find(dagId, runId)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "DAG run '" + runId + "' of DAG '" + dagId + "' not found"));
  }
}
