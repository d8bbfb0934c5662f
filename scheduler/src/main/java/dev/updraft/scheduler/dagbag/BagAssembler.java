package dev.updraft.scheduler.dagbag;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges what the sources yielded, in source order: the first definition of a DAG id wins and a
 * later one becomes an import error of its source. Loaders left with no DAG are closed at once.
 */
final class BagAssembler {
  private final Map<String, LoadedDag> dags = new TreeMap<>();
  private final Map<String, ClassLoader> loaders = new HashMap<>();
  private final List<ImportError> errors = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private final List<URLClassLoader> openLoaders = new ArrayList<>();

  /** Adds what one source or registered factory yielded; call in source order. */
  void add(SourceResult result) {
    if (result.skipped()) {
      skipped.add(result.source());
    }
    boolean used = false;
    for (LoadedDag dag : result.dags()) {
      LoadedDag first = dags.putIfAbsent(dag.dagId(), dag);
      if (first == null) {
        used = true;
        if (result.loader() != null) { // null: a registered factory on the boot class path
          loaders.put(dag.dagId(), result.loader());
        }
      } else {
        errors.add(
            ImportError.of(
                dag.origin(),
                "DAG id '" + dag.dagId() + "' is already defined in " + first.origin(),
                null));
      }
    }
    errors.addAll(result.errors());
    if (result.ownsLoader() && result.loader() instanceof URLClassLoader loader) {
      if (used) {
        openLoaders.add(loader);
      } else {
        close(loader);
      }
    }
  }

  Map<String, LoadedDag> dags() {
    return dags;
  }

  Map<String, ClassLoader> loaders() {
    return loaders;
  }

  List<ImportError> errors() {
    return errors;
  }

  List<String> skipped() {
    return skipped;
  }

  List<URLClassLoader> openLoaders() {
    return openLoaders;
  }

  private static void close(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // It defined no DAG the bag keeps; a leaked handle is all this can cost.
    }
  }
}
