package dev.updraft.components.internal;

import dev.updraft.components.examplegen.CellTypes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads delimited text with a header row (RFC 4180 quoting), typing each cell. */
public final class CsvReader {
  private CsvReader() {}

  /**
   * Hands each data row of {@code file} to {@code records} as header → typed value.
   *
   * @throws IOException naming {@code file:line} for a row with the wrong number of fields or an
   *     unclosed quote
   */
  public static void read(Path file, char delimiter, Consumer<Map<String, Object>> records)
      throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int[] line = {0};
      List<String> header = nextRow(reader, delimiter, file, line);
      if (header == null) {
        throw new IOException(file + ": empty file, expected a header row");
      }
      List<String> row;
      while ((row = nextRow(reader, delimiter, file, line)) != null) {
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // blank line
        }
        if (row.size() != header.size()) {
          throw new IOException(
              file
                  + ":"
                  + line[0]
                  + ": expected "
                  + header.size()
                  + " fields, found "
                  + row.size());
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          record.put(header.get(i), CellTypes.parse(row.get(i)));
        }
        records.accept(record);
      }
    }
  }

  /** The next row's fields, or {@code null} at the end; a quoted field may span lines. */
  private static List<String> nextRow(BufferedReader reader, char delimiter, Path file, int[] line)
      throws IOException {
    String text = reader.readLine();
    if (text == null) {
      return null;
    }
    line[0]++;
    int startLine = line[0];
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i == text.length()) {
        if (!quoted) {
          break;
        }
        String next = reader.readLine();
        if (next == null) {
          throw new IOException(file + ":" + startLine + ": unclosed quote");
        }
        line[0]++;
        field.append('\n');
        text = next;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"' && i < text.length() && text.charAt(i) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
