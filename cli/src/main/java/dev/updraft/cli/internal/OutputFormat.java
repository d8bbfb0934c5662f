package dev.updraft.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The output formats of listing commands ({@code -o}), as Airflow's CLI offers them. */
enum OutputFormat {
  table,
  json,
  plain;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  void print(PrintWriter out, List<Map<String, Object>> rows) throws Exception {
    switch (this) {
      case json -> out.println(MAPPER.writeValueAsString(rows));
      case plain -> rows.forEach(row -> out.println(String.join("\t", cells(row))));
      case table -> {
        if (rows.isEmpty()) {
          out.println("No data found");
        } else {
          List<List<String>> cells = new ArrayList<>();
          rows.forEach(row -> cells.add(cells(row)));
          TablePrinter.print(out, List.copyOf(rows.get(0).keySet()), cells);
        }
      }
    }
    out.flush();
  }

  private static List<String> cells(Map<String, Object> row) {
    return row.values().stream().map(value -> value == null ? "None" : value.toString()).toList();
  }
}
