package dev.updraft.sdk.testing;

import dev.updraft.sdk.Connection;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.DagValidationException;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.internal.compile.DagCompiler;
import dev.updraft.sdk.internal.run.ArtifactStore;
import dev.updraft.sdk.internal.run.InMemoryArtifactStore;
import dev.updraft.sdk.internal.run.InMemorySecrets;
import dev.updraft.sdk.internal.run.InMemoryXComStore;
import dev.updraft.sdk.internal.run.InProcessDagRunner;
import dev.updraft.sdk.internal.run.RunIds;
import dev.updraft.sdk.internal.run.RunInfo;
import dev.updraft.sdk.internal.run.RunListener;
import dev.updraft.sdk.internal.run.RunParams;
import dev.updraft.sdk.internal.run.Secrets;
import dev.updraft.sdk.internal.run.XComStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a DAG, or one of its tasks, in this process with Airflow's semantics, for tests and for
 * {@code updraft dags test}. Nothing is recorded beyond the run: XComs and artifacts live in memory
 * (artifact payloads under a temporary directory unless one is given).
 *
 * <pre>{@code
 * DagRunResult run = DagTestHarness.forDag(new HelloWorld().create()).conf(Map.of("name", "x")).run();
 * assertThat(run.state("greet")).isEqualTo(TaskState.SUCCESS);
 * assertThat(run.xcom("greet", String.class)).contains("hello x");
 * }</pre>
 */
public final class DagTestHarness {
  private final CompiledDag dag;
  private Map<String, Object> conf = Map.of();
  private Instant logicalDate;
  private String runId;
  private Path artifactRoot;
  private RunListener listener = RunListener.NONE;
  private ArtifactStore artifactStore;
  private XComStore xcomStore;
  private Secrets secrets;
  private final InMemorySecrets given = new InMemorySecrets();

  private DagTestHarness(CompiledDag dag) {
    this.dag = dag;
  }

  /**
   * A harness for {@code dag}.
   *
   * @throws DagValidationException listing every problem if the DAG is invalid
   */
  public static DagTestHarness forDag(Dag dag) {
    return new DagTestHarness(DagCompiler.compile(dag));
  }

  /** A harness for a DAG already compiled (by a DAG bag, say). */
  public static DagTestHarness forCompiledDag(CompiledDag dag) {
    return new DagTestHarness(dag);
  }

  /** The run's conf ({@code {{ dag_run.conf }}}), which also overrides params. */
  public DagTestHarness conf(Map<String, Object> conf) {
    this.conf = Objects.requireNonNull(conf, "conf");
    return this;
  }

  /** The run's logical date; now (to the second) by default. */
  public DagTestHarness logicalDate(Instant logicalDate) {
    this.logicalDate = logicalDate;
    return this;
  }

  /** The run id; {@code manual__<logical date>} by default. */
  public DagTestHarness runId(String runId) {
    this.runId = runId;
    return this;
  }

  /** Where output artifacts are written; a new temporary directory by default. */
  public DagTestHarness artifactRoot(Path artifactRoot) {
    this.artifactRoot = artifactRoot;
    return this;
  }

  /** Where artifacts are recorded; an in-memory store by default. */
  public DagTestHarness artifactStore(ArtifactStore store) {
    this.artifactStore = store;
    return this;
  }

  /** Where XComs are kept; in memory by default. */
  public DagTestHarness xcomStore(XComStore store) {
    this.xcomStore = store;
    return this;
  }

  /** Sets the Airflow Variable {@code key} the run's tasks read ({@code value} as stored). */
  public DagTestHarness variable(String key, String value) {
    given.variable(key, value);
    return this;
  }

  /** Adds an Airflow Connection the run's tasks read. */
  public DagTestHarness connection(Connection connection) {
    given.connection(connection);
    return this;
  }

  /**
   * Where variables and connections are read when not given with {@link #variable} or {@link
   * #connection}; none by default.
   */
  public DagTestHarness secrets(Secrets store) {
    this.secrets = store;
    return this;
  }

  /** Hears state changes and log lines as the run goes. */
  public DagTestHarness listener(RunListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** The compiled DAG under test. */
  public CompiledDag compiledDag() {
    return dag;
  }

  /** Runs the whole DAG and returns how it ended. */
  public DagRunResult run() {
    return runner().run(dag, runInfo());
  }

  /** Runs one task once, ignoring its upstream tasks (as Airflow's {@code tasks test}). */
  public DagRunResult runTask(String taskId) {
    return runner().runTask(dag, runInfo(), taskId);
  }

  private InProcessDagRunner runner() {
    ArtifactStore store = artifactStore != null ? artifactStore : new InMemoryArtifactStore(root());
    XComStore xcoms = xcomStore != null ? xcomStore : new InMemoryXComStore();
    Secrets fallback = secrets != null ? secrets : Secrets.NONE;
    // Values given to the harness win over the store behind it.
    Secrets layered =
        new Secrets() {
          @Override
          public Optional<String> variable(String key) {
            return given.variable(key).or(() -> fallback.variable(key));
          }

          @Override
          public Optional<Connection> connection(String connId) {
            return given.connection(connId).or(() -> fallback.connection(connId));
          }
        };
    return new InProcessDagRunner(xcoms, store, layered, listener, Clock.systemUTC());
  }

  private RunInfo runInfo() {
    Instant date =
        logicalDate != null ? logicalDate : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> params = RunParams.resolve(dag.dag(), conf);
    return new RunInfo(
        runId != null ? runId : RunIds.of("manual", date),
        "manual",
        date,
        date,
        date,
        conf,
        params);
  }

  private Path root() {
    if (artifactRoot != null) {
      return artifactRoot;
    }
    try {
      return Files.createTempDirectory("updraft-artifacts-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary artifact root", e);
    }
  }
}
