package dev.updraft.scheduler.dagbag;

import dev.updraft.sdk.DagFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The DAGs of a dags folder, compiled, with what failed to load (Airflow's {@code DagBag}).
 *
 * <p>Each jar or class folder in the folder is a DAG "file": it is loaded in a class loader of its
 * own, whose parent holds the SDK, and the {@code DagFactory} classes its {@code
 * META-INF/services/dev.updraft.sdk.DagFactory} lists are instantiated, called and compiled. A
 * factory that cannot be loaded, throws, or creates an invalid DAG becomes an {@link ImportError}
 * of its source while the rest still load. When two factories define the same DAG id, the one in
 * the source that sorts first by path wins; registered factories come before every source.
 *
 * <pre>{@code
 * try (DagBag bag = DagBag.load(Path.of("dags"))) {
 *   bag.importErrors().forEach(e -> System.err.println(e.source() + ": " + e.message()));
 *   bag.dag("etl").ifPresent(etl -> schedule(etl.dag()));
 * }
 * }</pre>
 *
 * <p>Closing the bag closes the class loaders of its sources; their DAGs must not be run after.
 */
public final class DagBag implements AutoCloseable {
  private final Map<String, LoadedDag> dags;
  private final List<LoadedDag> sortedDags;
  private final List<String> dagIds;
  private final Map<String, ClassLoader> loaders;
  private final List<ImportError> importErrors;
  private final List<String> skippedSources;
  private final List<URLClassLoader> openLoaders;
  private final Duration loadDuration;
  private boolean closed;

  private DagBag(BagAssembler assembled, Duration loadDuration) {
    this.dags = Map.copyOf(assembled.dags());
    this.loaders = Map.copyOf(assembled.loaders());
    this.importErrors = List.copyOf(assembled.errors());
    this.skippedSources = List.copyOf(assembled.skipped());
    this.openLoaders = List.copyOf(assembled.openLoaders());
    this.sortedDags = List.copyOf(assembled.dags().values()); // a TreeMap: sorted by id
    this.dagIds = List.copyOf(assembled.dags().keySet());
    this.loadDuration = loadDuration;
  }

  /** Loads the DAGs under {@code dagsFolder}, with this class's loader as the sources' parent. */
  public static DagBag load(Path dagsFolder) {
    return builder().folder(dagsFolder).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The DAGs, sorted by id. */
  public Collection<LoadedDag> dags() {
    return sortedDags;
  }

  public Optional<LoadedDag> dag(String dagId) {
    return Optional.ofNullable(dags.get(dagId));
  }

  /** The DAG ids, sorted. */
  public List<String> dagIds() {
    return dagIds;
  }

  /**
   * The class loader that defined a DAG's factory: the one to run its tasks with, since their code
   * lives in the same source.
   */
  public Optional<ClassLoader> classLoader(String dagId) {
    return Optional.ofNullable(loaders.get(dagId));
  }

  /** What failed, by source in load order. */
  public List<ImportError> importErrors() {
    return importErrors;
  }

  /** Jars and class folders that list no DAG factory, such as library jars. */
  public List<String> skippedSources() {
    return skippedSources;
  }

  /** How long finding, loading and compiling took. */
  public Duration loadDuration() {
    return loadDuration;
  }

  /** Closes the class loaders of the sources; the registered factories' loaders are left alone. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    UncheckedIOException failure = null;
    for (URLClassLoader loader : openLoaders) {
      try {
        loader.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = new UncheckedIOException("could not close every DAG class loader", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Configures and loads a {@link DagBag}. */
  public static final class Builder {
    private Path folder;
    private ClassLoader parent = DagBag.class.getClassLoader();
    private final List<DagFactory> registered = new ArrayList<>();

    private Builder() {}

    /** The dags folder to scan; a missing folder loads nothing, a jar file loads just that jar. */
    public Builder folder(Path folder) {
      this.folder = folder;
      return this;
    }

    /** The parent of each source's class loader; it must hold the SDK. */
    public Builder parentClassLoader(ClassLoader parent) {
      this.parent = Objects.requireNonNull(parent, "parent");
      return this;
    }

    /** Adds a factory from the application itself; its DAG's source is {@code null}. */
    public Builder register(DagFactory factory) {
      registered.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    /** Loads the bag. Never throws for a broken DAG: see {@link DagBag#importErrors()}. */
    public DagBag build() {
      long start = System.nanoTime();
      BagAssembler assembler = new BagAssembler();
      registered.stream().map(Builder::runRegistered).forEach(assembler::add);
      if (folder != null) {
        DagSourceLoader loader = new DagSourceLoader(parent);
        try {
          OrderedParallel.map(DagSourceScanner.scan(folder), loader::load).forEach(assembler::add);
        } catch (IOException | UncheckedIOException e) {
          assembler.add(SourceResult.failed(folder.toString(), scanError(folder, e)));
        }
      }
      return new DagBag(assembler, Duration.ofNanos(System.nanoTime() - start));
    }

    private static SourceResult runRegistered(DagFactory factory) {
      List<LoadedDag> dags = new ArrayList<>();
      List<ImportError> errors = new ArrayList<>();
      FactoryRunner.run(factory, null, dags::add, errors::add);
      return new SourceResult(
          factory.getClass().getName(),
          factory.getClass().getClassLoader(),
          false,
          dags,
          errors,
          false);
    }

    private static ImportError scanError(Path folder, Exception e) {
      return ImportError.of(folder.toString(), "could not scan " + folder + ": " + e, e);
    }
  }
}
