package dev.updraft.scheduler.dagbag.refresh;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Refreshes a {@link DagFolderWatcher} at a fixed interval on a daemon thread (Airflow's {@code
 * [dag_processor] refresh_interval}) and tells a listener, such as a {@link DagFolderSync}, when
 * something changed. The first refresh runs at once. A failing refresh or listener is reported and
 * logged; the next refresh still runs.
 *
 * <pre>{@code
 * try (DagFolderWatcher watcher = new DagFolderWatcher(Path.of("dags"));
 *     DagFolderRefresher refresher =
 *         DagFolderRefresher.start(watcher, Duration.ofSeconds(30), new DagFolderSync(db))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Closing stops the thread; the watcher is left open, as its owner closes it.
 */
public final class DagFolderRefresher implements AutoCloseable {
  /** The default interval; Airflow's default is 300 s, shorter suits jars copied in by hand. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger(DagFolderRefresher.class.getName());

  private final DagFolderWatcher watcher;
  private final RefreshListener listener;
  private final ScheduledExecutorService executor;

  private DagFolderRefresher(
      DagFolderWatcher watcher, Duration interval, RefreshListener listener) {
    this.watcher = watcher;
    this.listener = listener;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "dag-folder-refresher");
              thread.setDaemon(true); // must not keep the JVM alive
              return thread;
            });
    // Fixed delay, not rate: a slow refresh must not queue up the next ones.
    executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts refreshing every {@link #DEFAULT_INTERVAL}. */
  public static DagFolderRefresher start(DagFolderWatcher watcher, RefreshListener listener) {
    return start(watcher, DEFAULT_INTERVAL, listener);
  }

  /** Starts refreshing every {@code interval}, which must be positive. */
  public static DagFolderRefresher start(
      DagFolderWatcher watcher, Duration interval, RefreshListener listener) {
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(listener, "listener");
    if (interval.isNegative() || interval.isZero() || interval.toMillis() == 0) {
      throw new IllegalArgumentException("interval must be at least 1 ms: " + interval);
    }
    return new DagFolderRefresher(watcher, interval, listener);
  }

  /** Stops the thread, waiting briefly for a refresh under way. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // Never lets a throwable escape: the executor would silently cancel every later refresh.
  private void runOnce() {
    try {
      RefreshResult result = watcher.refresh();
      if (result.hasChanges()) {
        listener.refreshed(result);
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      if (executor.isShutdown()) {
        return; // interrupted by close(): not a failure
      }
      LOG.log(System.Logger.Level.WARNING, "refreshing " + watcher.folder() + " failed", e);
      try {
        listener.failed(e);
      } catch (RuntimeException listenerFailure) {
        LOG.log(System.Logger.Level.WARNING, "the refresh listener failed", listenerFailure);
      }
    }
  }
}
