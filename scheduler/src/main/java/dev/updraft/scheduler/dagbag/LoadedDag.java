package dev.updraft.scheduler.dagbag;

import dev.updraft.sdk.internal.compile.CompiledDag;

/**
 * A DAG the bag loaded and compiled.
 *
 * @param dag the compiled DAG
 * @param source the jar or class folder it came from, {@code null} for a registered factory
 * @param factoryClass the binary name of the {@code DagFactory} that created it
 */
public record LoadedDag(CompiledDag dag, String source, String factoryClass) {

  /** The DAG's id. */
  public String dagId() {
    return dag.dagId();
  }

  /** Where the DAG came from, for messages: its source, else its factory class. */
  String origin() {
    return source != null ? source : factoryClass;
  }
}
