package dev.updraft.metadata.lineage;

/** An execution's last known state, as ML Metadata names and numbers it. */
public enum ExecutionState {
  NEW(1),
  RUNNING(2),
  COMPLETE(3),
  FAILED(4),
  /** Completed by reusing a cached execution's outputs. */
  CACHED(5),
  CANCELED(6);

  private final int code;

  ExecutionState(int code) {
    this.code = code;
  }

  /** The number stored in {@code execution.last_known_state}. */
  public int code() {
    return code;
  }

  /** Whether the execution is over; a finished execution's state no longer changes. */
  public boolean isFinal() {
    return this != NEW && this != RUNNING;
  }

  public static ExecutionState ofCode(int code) {
    for (ExecutionState state : values()) {
      if (state.code == code) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown execution state " + code);
  }
}
