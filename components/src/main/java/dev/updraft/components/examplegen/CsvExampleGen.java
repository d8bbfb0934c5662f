package dev.updraft.components.examplegen;

import dev.updraft.components.internal.CsvReader;
import dev.updraft.sdk.component.Component;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads CSV files with a header row into examples (TFX's {@code CsvExampleGen}). Values are typed
 * per cell: integers, decimals, {@code true}/{@code false}, text; an empty cell or {@code NA} is
 * missing. A row with the wrong number of fields, or an unclosed quote, fails the execution with
 * the file and line named; nothing is published.
 */
@Component("CsvExampleGen")
public class CsvExampleGen extends FileBasedExampleGen {

  /** Reads the CSV files under {@code inputBase} (a directory; a Jinja template). */
  public CsvExampleGen(String inputBase) {
    super(inputBase);
  }

  @Override
  protected boolean acceptsFile(Path file) {
    return super.acceptsFile(file) && file.getFileName().toString().endsWith(".csv");
  }

  @Override
  protected void readRecords(Path file, Consumer<Map<String, Object>> records) throws IOException {
    CsvReader.read(file, ',', records);
  }
}
