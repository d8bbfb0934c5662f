package dev.updraft.metadata.lineage;

/** What a type describes, with ML Metadata's numbering. */
public enum TypeKind {
  EXECUTION(0),
  ARTIFACT(1),
  CONTEXT(2);

  private final int code;

  TypeKind(int code) {
    this.code = code;
  }

  /** The number stored in {@code type.type_kind}. */
  public int code() {
    return code;
  }

  public static TypeKind ofCode(int code) {
    for (TypeKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown type kind " + code);
  }
}
