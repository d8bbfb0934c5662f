package dev.updraft.scheduler.dagbag;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Loads one source in a class loader of its own, so that sources may use different versions of the
 * same library, and compiles the DAGs its factories create.
 */
final class DagSourceLoader {
  private final ClassLoader parent;

  /**
   * @param parent the parent of every source's loader: it must hold the SDK, so that DAGs share its
   *     types with the scheduler
   */
  DagSourceLoader(ClassLoader parent) {
    this.parent = parent;
  }

  /** Never throws: what fails becomes an import error of the source. */
  SourceResult load(DagSource source) {
    String name = source.toString();
    URLClassLoader loader = null;
    try {
      URL url = source.path().toUri().toURL(); // a directory's URI ends in '/', as it must
      loader = new URLClassLoader("dags:" + source.path().getFileName(), new URL[] {url}, parent);
      Optional<List<String>> classNames = ServiceEntries.read(loader);
      if (classNames.isEmpty()) {
        checkReadable(source);
        loader.close();
        return SourceResult.skipped(name);
      }
      List<LoadedDag> dags = new ArrayList<>();
      List<ImportError> errors = new ArrayList<>();
      for (String className : classNames.get()) {
        FactoryRunner.runClass(className, loader, name, dags::add, errors::add);
      }
      return new SourceResult(name, loader, true, dags, errors, false);
    } catch (IOException | RuntimeException e) {
      closeQuietly(loader);
      return SourceResult.failed(name, readError(name, e));
    }
  }

  /**
   * A class loader passes over a jar it cannot open as if it were empty; a corrupt jar in the dags
   * folder should be reported, not skipped.
   */
  private static void checkReadable(DagSource source) throws IOException {
    if (Files.isRegularFile(source.path())) {
      new ZipFile(source.path().toFile()).close();
    }
  }

  private static ImportError readError(String source, Exception e) {
    return ImportError.of(source, "could not read " + source + ": " + e, e);
  }

  private static void closeQuietly(URLClassLoader loader) {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException e) {
      // Nothing was loaded from it; a leaked handle is all this can cost.
    }
  }
}
