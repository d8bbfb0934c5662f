package dev.updraft.examples.custom;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes the JSON-lines files examples are stored in. */
final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};

  private JsonLines() {}

  static List<Map<String, Object>> read(Path file) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        rows.add(MAPPER.readValue(line, ROW));
      }
    }
    return rows;
  }

  static void write(Path file, List<Map<String, Object>> rows) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map<String, Object> row : rows) {
        writer.write(MAPPER.writeValueAsString(row));
        writer.newLine();
      }
    }
  }
}
