package dev.updraft.components.examplegen;

import java.util.regex.Pattern;

/** Types a text cell as the example generators do: integer, decimal, boolean, text, or missing. */
public final class CellTypes {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

  private CellTypes() {}

  /** {@code Long}, {@code Double}, {@code Boolean}, the trimmed text, or {@code null}. */
  public static Object parse(String cell) {
    String text = cell.trim();
    if (text.isEmpty() || text.equals("NA")) {
      return null;
    }
    if (INTEGER.matcher(text).matches()) {
      return Long.parseLong(text);
    }
    if (DECIMAL.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    return text;
  }
}
