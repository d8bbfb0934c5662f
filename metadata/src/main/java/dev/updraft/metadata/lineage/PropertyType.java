package dev.updraft.metadata.lineage;

/**
 * The data type of a property, with ML Metadata's numbering. Values are {@link Long}, {@link
 * Double}, {@link String}, {@link Boolean}, or (as {@link #STRUCT}) anything Jackson writes as
 * JSON: maps, lists and the like, read back as maps, lists, strings and numbers.
 */
public enum PropertyType {
  INT(1),
  DOUBLE(2),
  STRING(3),
  STRUCT(4),
  BOOLEAN(6);

  private final int code;

  PropertyType(int code) {
    this.code = code;
  }

  /** The number stored in {@code type_property.data_type}. */
  public int code() {
    return code;
  }

  public static PropertyType ofCode(int code) {
    for (PropertyType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown property data type " + code);
  }
}
