package dev.updraft.cli.internal.daemon;

import dev.updraft.cli.UpdraftConfig;
import dev.updraft.scheduler.dagbag.LoadedDag;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** Starts a daemon for a command, prints where it listens, and runs it until the process stops. */
public final class DaemonRunner {
  private DaemonRunner() {}

  /**
   * Runs until SIGTERM or Ctrl+C, then stops cleanly.
   *
   * @return the exit code
   */
  public static int run(UpdraftConfig config, boolean standalone, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    long started = System.nanoTime();
    DaemonOptions options = DaemonOptions.fromEnvironment(System.getenv(), standalone);
    UpdraftDaemon daemon = UpdraftDaemon.start(config, options, System.getenv(), standalone, err);
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "updraft-shutdown"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    String name = standalone ? "standalone" : "scheduler";
    out.printf("Updraft %s is ready in %.1f s%n", name, millis / 1000.0);
    String host = standalone ? "localhost" : "127.0.0.1";
    out.println(
        (standalone ? "  API server:        " : "  execution API:     ")
            + "http://"
            + host
            + ":"
            + daemon.apiPort()
            + (standalone ? "  (health: /api/v2/monitor/health)" : "/execution"));
    out.println("  executor:          " + options.executor());
    out.println("  metadata database: " + config.database().maskedUrl());
    out.println(
        "  dags folder:       "
            + config.dagsFolder()
            + (config.loadExamples() && config.examplesFolder() != null ? " (+ examples)" : ""));
    out.println(
        "  DAGs:              "
            + daemon.dags().stream()
                .map(LoadedDag::dagId)
                .sorted()
                .collect(Collectors.joining(", "))
            + (options.pausedAtCreation() ? " (new DAGs start paused)" : ""));
    if (standalone) {
      String banner = daemon.loginBanner();
      out.println(banner.isBlank() ? "  Log in with a user of UPDRAFT_USERS." : banner);
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    daemon.awaitStop();
    return 0;
  }
}
