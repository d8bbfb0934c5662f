package dev.updraft.metadata.state;

/** A DAG run could not be created because its run id or logical date is already taken. */
public final class DuplicateDagRunException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String dagId;
  private final String runId;

  public DuplicateDagRunException(String dagId, String runId, String message) {
    super(message);
    this.dagId = dagId;
    this.runId = runId;
  }

  public String dagId() {
    return dagId;
  }

  public String runId() {
    return runId;
  }
}
