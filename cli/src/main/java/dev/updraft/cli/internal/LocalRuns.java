package dev.updraft.cli.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.updraft.scheduler.dagbag.LoadedDag;
import dev.updraft.sdk.internal.IsoDates;
import dev.updraft.sdk.internal.compile.CompiledDag;
import dev.updraft.sdk.testing.DagTestHarness;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Sets up in-process runs for {@code dags test} and {@code tasks test}. */
final class LocalRuns {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LocalRuns() {}

  /** A run printed to {@code out} and recorded nowhere (as {@code tasks test}). */
  static DagTestHarness harness(CompiledDag dag, String logicalDate, String conf, PrintWriter out) {
    DagTestHarness harness =
        DagTestHarness.forCompiledDag(dag).conf(parseConf(conf)).listener(new RunPrinter(out));
    if (logicalDate != null) {
      harness.logicalDate(parseDate(logicalDate));
    }
    return harness;
  }

  /** A run printed to {@code out} and recorded in the metadata database (as {@code dags test}). */
  static DagTestHarness recordedHarness(
      MetadataRecording recording,
      LoadedDag loaded,
      String logicalDate,
      String conf,
      PrintWriter out) {
    return recording.record(
        harness(loaded.dag(), logicalDate, conf, out), loaded, new RunPrinter(out));
  }

  static Map<String, Object> parseConf(String conf) {
    if (conf == null || conf.isBlank()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(conf, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalArgumentException("--conf must be a JSON object, got: " + conf, e);
    }
  }

  /** An ISO date ({@code 2024-01-01}), local date-time (UTC), or date-time with offset. */
  static Instant parseDate(String text) {
    return IsoDates.parse(text, ZoneOffset.UTC, "logical date");
  }
}
