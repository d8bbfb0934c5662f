package dev.updraft.scheduler.dagbag.refresh;

/** Told by a {@link DagFolderRefresher} what its refreshes found. */
public interface RefreshListener {

  /** Called after a refresh that added, changed or removed a source. */
  void refreshed(RefreshResult result);

  /** Called when a refresh, or {@link #refreshed}, threw; the refresher keeps going. */
  default void failed(Throwable failure) {}
}
