package dev.updraft.scheduler.dagbag.refresh;

import java.util.List;

/**
 * What one refresh of the dags folder found.
 *
 * @param added sources seen for the first time, sorted
 * @param changed sources whose fingerprint changed, so they were re-loaded, sorted
 * @param removed sources that are gone, with their DAGs, sorted
 * @param snapshot every DAG and import error after the refresh
 */
public record RefreshResult(
    List<String> added, List<String> changed, List<String> removed, DagSnapshot snapshot) {

  public RefreshResult {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /** Whether any source was added, changed or removed. */
  public boolean hasChanges() {
    return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
  }
}
