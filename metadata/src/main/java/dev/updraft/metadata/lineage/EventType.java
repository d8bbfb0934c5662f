package dev.updraft.metadata.lineage;

/** How an artifact took part in an execution, as ML Metadata names and numbers it. */
public enum EventType {
  DECLARED_OUTPUT(1),
  DECLARED_INPUT(2),
  INPUT(3),
  OUTPUT(4),
  INTERNAL_INPUT(5),
  INTERNAL_OUTPUT(6);

  private final int code;

  EventType(int code) {
    this.code = code;
  }

  /** The number stored in {@code event.type}. */
  public int code() {
    return code;
  }

  /** Whether the execution read the artifact (rather than wrote it). */
  public boolean isInput() {
    return this == DECLARED_INPUT || this == INPUT || this == INTERNAL_INPUT;
  }

  public static EventType ofCode(int code) {
    for (EventType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown event type " + code);
  }
}
