package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What an executor sees of one execution: resolved inputs, prepared outputs, parameters. */
public interface ExecutorContext {

  /** The artifacts resolved for input {@code key} (empty for an unbound optional input). */
  List<Artifact> inputs(String key);

  /** The single artifact of input {@code key}; an error if there is not exactly one. */
  <T extends Artifact> T input(String key, Class<T> type);

  /** The artifacts to write for output {@code key}, their URIs already assigned. */
  List<Artifact> outputs(String key);

  /** The single artifact of output {@code key}. */
  <T extends Artifact> T output(String key, Class<T> type);

  /** Parameter {@code name} as {@code type}, or {@code null} when an optional one is unset. */
  <T> T parameter(String name, Class<T> type);

  /** All parameters by name. */
  Map<String, Object> parameters();

  /** The execution's log. */
  PrintStream log();
}
