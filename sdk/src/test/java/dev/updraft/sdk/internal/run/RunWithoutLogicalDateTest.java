package dev.updraft.sdk.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagBuilder;
import dev.updraft.sdk.DagRunState;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.sdk.testing.DagRunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Airflow 3 allows manual runs without a logical date; tasks must still run. */
class RunWithoutLogicalDateTest {

  @Test
  void bashTaskRunsAndSeesAnEmptyLogicalDate(@TempDir Path root) {
    DagBuilder dag = Dag.builder("no_date");
    dag.bash("echo", "echo \"date=[$AIRFLOW_CTX_LOGICAL_DATE] run={{ run_id }}\"");
    RunInfo run = new RunInfo("manual__x", "manual", null, null, null, Map.of(), Map.of());

    DagRunResult result =
        new InProcessDagRunner(
                new InMemoryXComStore(),
                new InMemoryArtifactStore(root),
                RunListener.NONE,
                Clock.systemUTC())
            .run(DagCompiler.compile(dag.build()), run);

    assertThat(result.state()).isEqualTo(DagRunState.SUCCESS);
    assertThat(result.xcom("echo", String.class)).contains("date=[] run=manual__x");
  }
}
