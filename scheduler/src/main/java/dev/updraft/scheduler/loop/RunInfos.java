package dev.updraft.scheduler.loop;

import dev.updraft.metadata.state.DagRunRecord;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.RunParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a {@code dag_run} row into the {@link RunInfo} a try runs with. */
final class RunInfos {
  private RunInfos() {}

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
