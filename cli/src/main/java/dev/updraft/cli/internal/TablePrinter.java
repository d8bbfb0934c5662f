package dev.updraft.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned plain-text table, as Airflow's table output does. */
final class TablePrinter {
  private TablePrinter() {}

  static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    printRow(out, header, widths);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    rows.forEach(row -> printRow(out, row, widths));
    out.flush();
  }

  private static void printRow(PrintWriter out, List<String> row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      line.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", row.get(i)));
    }
    out.println(line.toString().stripTrailing());
  }
}
