package dev.updraft.scheduler.dagbag;

import java.util.List;

/**
 * What one source, or one registered factory, yielded.
 *
 * @param source the jar or class folder, or the registered factory's class name
 * @param loader the loader of its factory classes, {@code null} if none is left open
 * @param ownsLoader whether the bag made {@code loader} and must close it
 * @param dags the DAGs it defined, in services file order
 * @param errors what failed in it
 * @param skipped whether it lists no factory (a library jar, say)
 */
record SourceResult(
    String source,
    ClassLoader loader,
    boolean ownsLoader,
    List<LoadedDag> dags,
    List<ImportError> errors,
    boolean skipped) {

  SourceResult {
    dags = List.copyOf(dags);
    errors = List.copyOf(errors);
  }

  static SourceResult skipped(String source) {
    return new SourceResult(source, null, false, List.of(), List.of(), true);
  }

  static SourceResult failed(String source, ImportError error) {
    return new SourceResult(source, null, false, List.of(), List.of(error), false);
  }
}
