package dev.updraft.cli.internal.daemon;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.cli.internal.SecretKeyFile;
import dev.updraft.executor.local.LocalExecutor;
import dev.updraft.executor.local.LocalExecutorSettings;
import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.scheduler.dagbag.refresh.DagFolderRefresher;
import dev.updraft.scheduler.dagbag.refresh.DagFolderSync;
import dev.updraft.scheduler.dagbag.refresh.DagFolderWatcher;
import dev.updraft.scheduler.dagbag.refresh.RefreshListener;
import dev.updraft.scheduler.dagbag.refresh.RefreshResult;
import dev.updraft.scheduler.dagsync.DagSync;
import dev.updraft.scheduler.logs.TryLogPaths;
import dev.updraft.scheduler.loop.InProcessExecutor;
import dev.updraft.scheduler.loop.LoopSettings;
import dev.updraft.scheduler.loop.SchedulingLoop;
import dev.updraft.scheduler.loop.TaskExecutor;
import dev.updraft.scheduler.loop.TryLogSink;
import dev.updraft.scheduler.runs.ScheduledRuns;
import dev.updraft.web.api.PublicApi;
import dev.updraft.web.auth.SimpleAuthManager;
import dev.updraft.web.execution.ExecutionApi;
import dev.updraft.web.execution.ExecutionApiDependencies;
import dev.updraft.web.execution.TaskTokens;
import dev.updraft.web.server.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One scheduler process: watches the dags folders (new, changed and removed jars take effect
 * without a restart), keeps Quartz's schedules in step with them, runs the scheduling loop with its
 * executor, and serves the API the task runners (and, in standalone, users) call. Stops on {@link
 * #close()}; a process killed outright leaves its job to be found dead by the next one.
 */
public final class UpdraftDaemon implements AutoCloseable {
  private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;
  private MetadataDatabase db;
  private volatile SchedulingLoop loop;
  private SecretCipher cipher;
  private Thread loopThread;
  private ApiServer api;
  private FolderDags dags;
  private SimpleAuthManager auth;

  private UpdraftDaemon() {}

  /**
   * Starts every part and returns once the loop runs and the API listens.
   *
   * @param standalone whether users reach the API through this process (all interfaces, the
   *     configured port), rather than only its own task runners (loopback, a free port)
   * @param err where failed loop passes and refreshes are reported
   */
  public static UpdraftDaemon start(
      UpdraftConfig config,
      DaemonOptions options,
      Map<String, String> env,
      boolean standalone,
      PrintWriter err) {
    UpdraftDaemon daemon = new UpdraftDaemon();
    try {
      daemon.startParts(config, options, env, standalone, err);
      return daemon;
    } catch (RuntimeException e) {
      daemon.close();
      throw e;
    }
  }

  private void startParts(
      UpdraftConfig config,
      DaemonOptions options,
      Map<String, String> env,
      boolean standalone,
      PrintWriter err) {
    db = MetadataDatabase.open(config.database());
    resources.add(db);
    db.migrate();

    List<DagFolderWatcher> watchers = new ArrayList<>();
    for (Path folder : folders(config)) {
      DagFolderWatcher watcher = new DagFolderWatcher(folder);
      resources.add(watcher);
      watchers.add(watcher);
    }
    dags = new FolderDags(watchers);

    Path home = config.home();
    auth = SimpleAuthManager.fromEnvironment(env, home);
    TaskTokens tokens = new TaskTokens(secret());
    cipher =
        standalone ? SecretKeyFile.generateIfMissing(env, home) : SecretKeyFile.cipher(env, home);
    api =
        ApiServer.builder(db, auth)
            .host(standalone ? options.apiHost() : "127.0.0.1")
            .port(standalone ? options.apiPort() : 0)
            .routes(
                app ->
                    ExecutionApi.register(
                        app,
                        ExecutionApiDependencies.of(db, tokens, home.resolve("artifacts"), cipher)))
            .routes(publicApi(config, options, standalone))
            .start();
    resources.add(api);
    TaskExecutor executor = executor(options, home, tokens, "http://127.0.0.1:" + api.port());
    LoopSettings settings =
        new LoopSettings(options.parallelism(), Duration.ofMillis(50))
            .withHeartbeats(
                options.taskHeartbeatTimeout(),
                shorter(Duration.ofSeconds(10), options.taskHeartbeatTimeout().dividedBy(2)),
                shorter(Duration.ofSeconds(5), options.schedulerHealthThreshold().dividedBy(3)),
                options.schedulerHealthThreshold());
    loop = new SchedulingLoop(db, dags, executor, settings, Clock.systemUTC());

    ScheduledRuns scheduled = ScheduledRuns.open(db);
    resources.add(scheduled);
    DagSync sync = new DagSync(db, options.pausedAtCreation());
    RefreshListener listener =
        new RefreshListener() {
          private final DagFolderSync folderSync = new DagFolderSync(db, sync);

          @Override
          public void refreshed(RefreshResult result) {
            folderSync.refreshed(result);
            scheduled.syncDags(dags.all().stream().map(d -> d.dag().dag()).toList());
            loop.wakeup().signal();
          }

          @Override
          public void failed(Throwable error) {
            err.println("Refreshing the dags folder failed: " + error);
            err.flush();
          }
        };
    // The first scan happens before anything runs, so the loop starts with every DAG known.
    for (DagFolderWatcher watcher : watchers) {
      listener.refreshed(watcher.refresh());
    }
    scheduled.startPolling(Duration.ofSeconds(2));
    for (DagFolderWatcher watcher : watchers) {
      resources.add(DagFolderRefresher.start(watcher, options.dagRefreshInterval(), listener));
    }

    loop.startJob(hostname());
    loopThread =
        new Thread(
            () ->
                loop.runUntil(
                    () -> stopping,
                    e -> {
                      err.println("A scheduling pass failed (retrying): " + e);
                      err.flush();
                    }),
            "scheduler-loop");
    loopThread.start();
  }

  private void wakeLoop() {
    SchedulingLoop current = loop;
    if (current != null) {
      current.wakeup().signal();
    }
  }

  private TaskExecutor executor(
      DaemonOptions options, Path home, TaskTokens tokens, String apiBase) {
    Path logsRoot = home.resolve("logs");
    if (options.executor().equals(DaemonOptions.LOCAL)) {
      LocalExecutor executor =
          new LocalExecutor(
              LocalExecutorSettings.defaults()
                  .withPoolSize(options.localRunners())
                  .withHeartbeatInterval(
                      shorter(Duration.ofSeconds(5), options.taskHeartbeatTimeout().dividedBy(3))),
              // Tokens are not refreshed yet, so they must outlive the longest try.
              t -> tokens.issue(t.taskInstanceId(), TOKEN_LIFETIME),
              apiBase + ExecutionApi.PREFIX,
              dagId -> dags.loaded(dagId).map(d -> Path.of(d.source())),
              dags,
              logsRoot);
      resources.add(executor);
      return executor;
    }
    TryLogPaths logs = new TryLogPaths(logsRoot);
    InProcessExecutor executor =
        new InProcessExecutor(
            db,
            dags,
            home.resolve("artifacts"),
            options.parallelism(),
            TryLogSink.files(
                t -> logs.logFile(t.dagId(), t.runId(), t.taskId(), -1, t.tryNumber())),
            // Beats well inside the timeout, so a live try is never taken for a zombie.
            shorter(
                InProcessExecutor.DEFAULT_HEARTBEAT, options.taskHeartbeatTimeout().dividedBy(3)),
            Clock.systemUTC(),
            cipher);
    resources.add(executor);
    return executor;
  }

  private static Duration shorter(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private PublicApi publicApi(UpdraftConfig config, DaemonOptions options, boolean standalone) {
    PublicApi.Builder builder =
        PublicApi.builder(db, auth)
            .dags(dags)
            .logs(config.home().resolve("logs"))
            .cipher(cipher)
            // The loop starts after the API (its runners need the port): wake it once up.
            .afterChange(this::wakeLoop);
    if (options.exposeConfig()) {
      builder.exposeConfig(ShownConfig.of(config, options, standalone));
    }
    return builder.build();
  }

  private static List<Path> folders(UpdraftConfig config) {
    List<Path> folders = new ArrayList<>();
    try {
      Files.createDirectories(config.dagsFolder());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the dags folder " + config.dagsFolder(), e);
    }
    folders.add(config.dagsFolder());
    if (config.loadExamples() && config.examplesFolder() != null) {
      folders.add(config.examplesFolder());
    }
    return folders;
  }

  // Task tokens only need to outlive this process's tries: a fresh secret per start is enough.
  private static byte[] secret() {
    byte[] secret = new byte[64];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }

  /** The API server's port. */
  public int apiPort() {
    return api.port();
  }

  /** How to log in: the users and where their passwords are (Airflow's simple auth manager). */
  public String loginBanner() {
    return auth.loginBanner();
  }

  /** The DAGs loaded now. */
  public List<LoadedDag> dags() {
    return List.copyOf(dags.all());
  }

  /** The import errors of the dags folders now. */
  public List<dev.updraft.scheduler.dagbag.ImportError> importErrors() {
    return dags.importErrors();
  }

  /** Blocks until {@link #close()} has run. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops the loop after its pass, then everything else, ending this scheduler's job cleanly. */
  @Override
  public synchronized void close() {
    if (stopping && stopped.getCount() == 0) {
      return;
    }
    stopping = true;
    try {
      if (loopThread != null) {
        loop.wakeup().signal();
        loopThread.join(Duration.ofSeconds(30));
        loop.endJob();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The database may be gone already; the job will then be found dead, which is fine.
    } finally {
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          resources.get(i).close();
        } catch (Exception e) {
          // Keep closing the rest.
        }
      }
      stopped.countDown();
    }
  }
}
