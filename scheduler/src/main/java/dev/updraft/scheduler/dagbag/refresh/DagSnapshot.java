package dev.updraft.scheduler.dagbag.refresh;

import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable view of the dags folder after one refresh: the DAGs that loaded and what failed.
 * Readers may keep using a snapshot while a newer one is being built.
 */
public final class DagSnapshot {
  private static final DagSnapshot EMPTY = new DagSnapshot(Map.of(), Map.of(), List.of());

  private final Map<String, LoadedDag> dags;
  private final List<LoadedDag> sortedDags;
  private final Map<String, ClassLoader> loaders;
  private final List<ImportError> importErrors;

  DagSnapshot(
      Map<String, LoadedDag> dags, Map<String, ClassLoader> loaders, List<ImportError> errors) {
    TreeMap<String, LoadedDag> sorted = new TreeMap<>(dags);
    this.dags = Map.copyOf(dags);
    this.sortedDags = List.copyOf(sorted.values());
    this.loaders = Map.copyOf(loaders);
    this.importErrors = List.copyOf(errors);
  }

  /** The snapshot before the first refresh. */
  public static DagSnapshot empty() {
    return EMPTY;
  }

  /** The DAGs, sorted by id. */
  public Collection<LoadedDag> dags() {
    return sortedDags;
  }

  public Optional<LoadedDag> dag(String dagId) {
    return Optional.ofNullable(dags.get(dagId));
  }

  /** The class loader that defined a DAG's factory, to run its tasks with. */
  public Optional<ClassLoader> classLoader(String dagId) {
    return Optional.ofNullable(loaders.get(dagId));
  }

  /** What failed, by source path order. */
  public List<ImportError> importErrors() {
    return importErrors;
  }
}
