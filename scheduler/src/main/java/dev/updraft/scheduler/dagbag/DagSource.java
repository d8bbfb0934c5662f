package dev.updraft.scheduler.dagbag;

import java.nio.file.Path;

/**
 * One DAG "file": a jar or a class folder, loaded in a class loader of its own.
 *
 * @param path the jar file or the class folder
 */
record DagSource(Path path) implements Comparable<DagSource> {

  /** The services file a source lists its factories in. */
  static final String SERVICES_ENTRY = "META-INF/services/dev.updraft.sdk.DagFactory";

  @Override
  public int compareTo(DagSource other) {
    return path.compareTo(other.path);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
