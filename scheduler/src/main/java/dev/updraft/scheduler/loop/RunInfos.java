package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.metadata.state.DagRunRepository;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.RunParams;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RunInfo} each try runs with, from its {@code dag_run} row. A run's identity, dates and
 * conf do not change once it exists, so recent runs are kept and each is read once, not per try.
 */
final class RunInfos {
  private static final int KEPT = 256;

  private final DagRunRepository runs;
  private final Map<String, RunInfo> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RunInfo> eldest) {
              return size() > KEPT;
            }
          });

  RunInfos(DagRunRepository runs) {
    this.runs = runs;
  }

  /** The run {@code runId} of {@code dag}, if both exist. */
  Optional<RunInfo> find(String dagId, String runId, Optional<CompiledDag> dag) {
    if (dag.isEmpty()) {
      return Optional.empty();
    }
    String key = dagId + '\u0000' + runId;
    RunInfo known = recent.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<RunInfo> info = runs.find(dagId, runId).map(run -> of(run, dag.get()));
    info.ifPresent(i -> recent.put(key, i));
    return info;
  }

  @SuppressWarnings("unchecked")
  static RunInfo of(DagRunRecord run, CompiledDag dag) {
    Map<String, Object> conf = new LinkedHashMap<>();
    if (run.conf() != null && !run.conf().isBlank()) {
      Object parsed = Json.read(run.conf(), Map.class);
      if (parsed instanceof Map<?, ?> map) {
        conf.putAll((Map<String, Object>) map);
      }
    }
    return new RunInfo(
        run.runId(),
        run.runType().value(),
        run.logicalDate(),
        run.dataIntervalStart(),
        run.dataIntervalEnd(),
        conf,
        RunParams.resolve(dag.dag(), conf));
  }
}
