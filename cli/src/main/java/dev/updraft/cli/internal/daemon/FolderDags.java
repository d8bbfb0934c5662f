package dev.updraft.cli.internal.daemon;

import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagbag.refresh.DagFolderWatcher;
import dev.updraft.scheduler.loop.LoopDags;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DAGs of the watched folders, as they are now: the dags folder first, then the examples, so a
 * user's DAG shadows an example with the same id.
 */
final class FolderDags implements LoopDags {
  private final List<DagFolderWatcher> watchers;

  FolderDags(List<DagFolderWatcher> watchers) {
    this.watchers = List.copyOf(watchers);
  }

  @Override
  public Optional<CompiledDag> find(String dagId) {
    return loaded(dagId).map(LoadedDag::dag);
  }

  /** The DAG {@code dagId} with where it was loaded from. */
  Optional<LoadedDag> loaded(String dagId) {
    for (DagFolderWatcher watcher : watchers) {
      Optional<LoadedDag> dag = watcher.current().dag(dagId);
      if (dag.isPresent()) {
        return dag;
      }
    }
    return Optional.empty();
  }

  /** The import errors of the watched folders now. */
  List<dev.updraft.scheduler.dagbag.ImportError> importErrors() {
    return watchers.stream().flatMap(w -> w.current().importErrors().stream()).toList();
  }

  /** Every DAG now loaded, each id once. */
  Collection<LoadedDag> all() {
    Map<String, LoadedDag> byId = new LinkedHashMap<>();
    for (DagFolderWatcher watcher : watchers) {
      watcher.current().dags().forEach(dag -> byId.putIfAbsent(dag.dagId(), dag));
    }
    return byId.values();
  }
}
