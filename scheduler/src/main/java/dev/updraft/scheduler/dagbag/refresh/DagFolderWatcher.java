package dev.updraft.scheduler.dagbag.refresh;

import dev.updraft.scheduler.dagbag.DagBag;
import dev.updraft.scheduler.dagbag.DagSourceScanner;
import dev.updraft.scheduler.dagbag.ImportError;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keeps the DAGs of a dags folder up to date without a restart, as Airflow's DAG processor does by
 * re-parsing the folder: each {@link #refresh()} re-loads only the jars and class folders that are
 * new or whose fingerprint (size, modification time) changed, each in a new class loader so that
 * changed classes take effect, drops the DAGs of removed sources and keeps the rest as they were.
 *
 * <p>Readers call {@link #current()} from any thread: it returns an immutable snapshot, swapped
 * atomically at the end of a refresh. The class loaders of changed and removed sources are closed
 * after the swap, so DAGs from an older snapshot must not be run once a newer one is out.
 *
 * <p>When two sources define the same DAG id, the source that sorts first by path wins and the
 * later one gets an import error, the same rule as {@link DagBag}.
 */
public final class DagFolderWatcher implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DagFolderWatcher.class.getName());

  private final Path folder;
  private final ClassLoader parent;
  // Only touched under this object's lock; readers see nothing but the volatile snapshot.
  private Map<Path, LoadedSource> sources = Map.of();
  private volatile DagSnapshot current = DagSnapshot.empty();
  private boolean closed;

  /** Watches {@code folder}, with {@link DagBag}'s loader as the sources' parent. */
  public DagFolderWatcher(Path folder) {
    this(folder, DagBag.class.getClassLoader());
  }

  /**
   * @param folder the dags folder, or a single jar; a missing folder holds no DAGs
   * @param parent the parent of each source's class loader; it must hold the SDK
   */
  public DagFolderWatcher(Path folder, ClassLoader parent) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.parent = Objects.requireNonNull(parent, "parent");
  }

  /** The folder watched. */
  public Path folder() {
    return folder;
  }

  /** The DAGs and import errors of the latest refresh; empty before the first. */
  public DagSnapshot current() {
    return current;
  }

  /**
   * Re-scans the folder and re-loads what was added or changed. Broken DAGs become import errors;
   * this throws only when the folder itself cannot be listed, leaving the current snapshot as is.
   *
   * @throws UncheckedIOException if the folder cannot be scanned
   * @throws IllegalStateException if the watcher was closed
   */
  public synchronized RefreshResult refresh() {
    if (closed) {
      throw new IllegalStateException("the watcher is closed");
    }
    Map<Path, SourceFingerprint> seen = fingerprints();
    Map<Path, LoadedSource> next = new TreeMap<>();
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<DagBag> stale = new ArrayList<>();
    seen.forEach(
        (path, fingerprint) -> {
          LoadedSource old = sources.get(path);
          if (old != null && old.fingerprint().equals(fingerprint)) {
            next.put(path, old);
            return;
          }
          (old == null ? added : changed).add(path.toString());
          if (old != null) {
            stale.add(old.bag());
          }
          next.put(path, new LoadedSource(fingerprint, load(path)));
        });
    sources.forEach(
        (path, old) -> {
          if (!seen.containsKey(path)) {
            removed.add(path.toString());
            stale.add(old.bag());
          }
        });
    sources = next;
    current = assemble(next);
    stale.forEach(DagFolderWatcher::closeQuietly); // after the swap: readers moved on
    return new RefreshResult(added, changed, removed, current);
  }

  /** Closes every source's class loader; the current snapshot becomes empty. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    current = DagSnapshot.empty();
    sources.values().forEach(source -> closeQuietly(source.bag()));
    sources = Map.of();
  }

  private Map<Path, SourceFingerprint> fingerprints() {
    List<Path> paths;
    try {
      paths = DagSourceScanner.sourcePaths(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("could not scan " + folder, e);
    }
    Map<Path, SourceFingerprint> seen = new TreeMap<>();
    for (Path path : paths) {
      try {
        seen.put(path, SourceFingerprint.of(path));
      } catch (IOException e) {
        // Deleted or unreadable since the scan: treat it as gone until the next refresh sees it.
        LOG.log(System.Logger.Level.DEBUG, "skipping {0}: {1}", path, e);
      }
    }
    return seen;
  }

  // One bag per source gives the source a fresh class loader and DagBag's own error handling.
  private DagBag load(Path source) {
    return DagBag.builder().folder(source).parentClassLoader(parent).build();
  }

  /** Merges the sources' bags in path order: the first definition of a DAG id wins. */
  private static DagSnapshot assemble(Map<Path, LoadedSource> sources) {
    Map<String, LoadedDag> dags = new HashMap<>();
    Map<String, ClassLoader> loaders = new HashMap<>();
    List<ImportError> errors = new ArrayList<>();
    for (LoadedSource source : sources.values()) {
      DagBag bag = source.bag();
      for (LoadedDag dag : bag.dags()) {
        LoadedDag first = dags.putIfAbsent(dag.dagId(), dag);
        if (first == null) {
          bag.classLoader(dag.dagId()).ifPresent(loader -> loaders.put(dag.dagId(), loader));
        } else {
          errors.add(duplicate(dag, first));
        }
      }
      errors.addAll(bag.importErrors());
    }
    return new DagSnapshot(dags, loaders, errors);
  }

  private static ImportError duplicate(LoadedDag dag, LoadedDag first) {
    String message = "DAG id '" + dag.dagId() + "' is already defined in " + first.source();
    return new ImportError(dag.source(), message, "", Instant.now());
  }

  private static void closeQuietly(DagBag bag) {
    try {
      bag.close();
    } catch (UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not close a DAG class loader", e);
    }
  }

  /** A source as last loaded. */
  private record LoadedSource(SourceFingerprint fingerprint, DagBag bag) {}
}
