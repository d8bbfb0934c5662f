package dev.updraft.executor.local;

import java.nio.file.Path;
import java.util.Optional;

/** Where a DAG is defined: the jar or class folder its runner loads it from. */
@FunctionalInterface
public interface DagSourceResolver {
  /** The source of DAG {@code dagId}, if known. */
  Optional<Path> sourceOf(String dagId);
}
