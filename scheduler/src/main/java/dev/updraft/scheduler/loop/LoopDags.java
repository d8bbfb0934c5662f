package dev.updraft.scheduler.loop;

import dev.updraft.scheduler.dagbag.DagBag;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.internal.compile.CompiledDag;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The compiled DAGs the loop schedules, by DAG id; a run of a DAG not found here waits. */
@FunctionalInterface
public interface LoopDags {
  /** The DAG {@code dagId}, if known now. */
  Optional<CompiledDag> find(String dagId);

  /** The DAGs {@code dags} supplies, asked afresh on each look-up. */
  static LoopDags of(Supplier<Map<String, CompiledDag>> dags) {
    return dagId -> Optional.ofNullable(dags.get().get(dagId));
  }

  /** The DAGs of {@code bag}. */
  static LoopDags of(DagBag bag) {
    return dagId -> bag.dag(dagId).map(LoadedDag::dag);
  }
}
