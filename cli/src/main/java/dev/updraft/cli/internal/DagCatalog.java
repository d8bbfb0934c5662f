package dev.updraft.cli.internal;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.scheduler.dagbag.DagBag;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The DAGs the CLI sees: the dags folder, plus the shipped examples unless turned off. */
public final class DagCatalog implements AutoCloseable {
  private final List<DagBag> bags = new ArrayList<>();
  private final Map<String, LoadedDag> dags = new TreeMap<>();
  private final List<ImportError> importErrors = new ArrayList<>();

  private DagCatalog(List<Path> folders) {
    for (Path folder : folders) {
      DagBag bag = DagBag.load(folder);
      bags.add(bag);
      importErrors.addAll(bag.importErrors());
      for (LoadedDag dag : bag.dags()) {
        LoadedDag earlier = dags.putIfAbsent(dag.dag().dagId(), dag);
        if (earlier != null) {
          importErrors.add(
              new ImportError(
                  dag.source(),
                  "DAG id '" + dag.dag().dagId() + "' is already defined in " + earlier.source(),
                  "",
                  java.time.Instant.now()));
        }
      }
    }
  }

  /** Loads the folders {@code config} names. */
  public static DagCatalog load(UpdraftConfig config) {
    List<Path> folders = new ArrayList<>();
    folders.add(config.dagsFolder());
    if (config.loadExamples() && config.examplesFolder() != null) {
      folders.add(config.examplesFolder());
    }
    return new DagCatalog(folders);
  }

  public Collection<LoadedDag> dags() {
    return dags.values();
  }

  public Optional<LoadedDag> dag(String dagId) {
    return Optional.ofNullable(dags.get(dagId));
  }

  /** The DAG {@code dagId}, or an error that lists the known ids. */
  public LoadedDag require(String dagId) {
    return dag(dagId)
        .orElseThrow(
            () ->
                new UnknownDagException(
                    "DAG '"
                        + dagId
                        + "' not found. Known DAGs: "
                        + (dags.isEmpty() ? "(none)" : String.join(", ", dags.keySet()))));
  }

  public List<ImportError> importErrors() {
    return importErrors;
  }

  @Override
  public void close() {
    bags.forEach(DagBag::close);
  }

  /** No DAG has the id asked for. */
  public static final class UnknownDagException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownDagException(String message) {
      super(message);
    }
  }
}
