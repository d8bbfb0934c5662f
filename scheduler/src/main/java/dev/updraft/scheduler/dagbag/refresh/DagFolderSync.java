package dev.updraft.scheduler.dagbag.refresh;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.ImportErrorRepository;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagsync.DagSync;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link RefreshListener} that writes each refresh to the metadata database with {@link DagSync},
 * and also handles what {@code DagSync} cannot see in one snapshot: a source that was removed, or
 * that now yields neither DAG nor error, has its DAGs marked stale and its import error cleared. A
 * source that only fails keeps its DAG rows, flagged with the error, as in Airflow.
 */
public final class DagFolderSync implements RefreshListener {
  private final DagSync sync;
  private final DagRepository dags;
  private final ImportErrorRepository importErrors;

  /** Syncs into {@code db}; new DAGs start paused, as Airflow's default. */
  public DagFolderSync(MetadataDatabase db) {
    this(db, new DagSync(db));
  }

  /**
   * @param sync the sync to write snapshots with, for its settings; it must write to {@code db}
   */
  public DagFolderSync(MetadataDatabase db, DagSync sync) {
    this.sync = sync;
    this.dags = new DagRepository(db);
    this.importErrors = new ImportErrorRepository(db);
  }

  @Override
  public void refreshed(RefreshResult result) {
    DagSnapshot snapshot = result.snapshot();
    sync.sync(snapshot.dags(), snapshot.importErrors());
    Set<String> withDags = new HashSet<>();
    snapshot.dags().stream().map(LoadedDag::source).forEach(withDags::add);
    Set<String> withErrors = new HashSet<>();
    snapshot.importErrors().stream().map(ImportError::source).forEach(withErrors::add);
    Stream.of(result.added(), result.changed(), result.removed())
        .flatMap(List::stream)
        .filter(source -> !withDags.contains(source) && !withErrors.contains(source))
        .forEach(
            source -> {
              dags.markStaleExcept(source, List.of());
              importErrors.clearFor(source);
            });
  }
}
