package dev.updraft.examples.custom;

import dev.updraft.components.examplegen.CellTypes;
import dev.updraft.components.examplegen.FileBasedExampleGen;
import dev.updraft.sdk.component.Component;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A component built by inheritance: a {@link FileBasedExampleGen} that overrides only its
 * documented hook, {@code readRecords}, to read log lines such as {@code species=Adelie
 * bill_length_mm=39.1}. Listing files, splitting, writing and recording are inherited.
 */
@Component("KeyValueExampleGen")
public final class KeyValueExampleGen extends FileBasedExampleGen {

  public KeyValueExampleGen(String inputBase) {
    super(inputBase);
  }

  @Override
  protected boolean acceptsFile(Path file) {
    return super.acceptsFile(file) && file.getFileName().toString().endsWith(".log");
  }

  @Override
  protected void readRecords(Path file, Consumer<Map<String, Object>> records) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Map<String, Object> record = new LinkedHashMap<>();
      for (String pair : line.split("\\s+")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          throw new IOException(
              file + ":" + (i + 1) + ": expected key=value, found '" + pair + "'");
        }
        record.put(pair.substring(0, equals), CellTypes.parse(pair.substring(equals + 1)));
      }
      records.accept(record);
    }
  }
}
