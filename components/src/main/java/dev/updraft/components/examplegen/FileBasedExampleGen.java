package dev.updraft.components.examplegen;

import dev.updraft.sdk.artifact.Examples;
import dev.updraft.sdk.component.BaseComponent;
import dev.updraft.sdk.component.Channel;
import dev.updraft.sdk.component.ComponentExecutor;
import dev.updraft.sdk.component.ComponentSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the files under a directory into {@link Examples}, split into {@code train} and {@code
 * eval} by a hash of each record (2:1, as TFX's default output config), written as JSON lines under
 * {@code Split-<name>/data.jsonl}.
 *
 * <p><b>Extending it.</b> Subclass and override the one hook, {@link #readRecords(Path, Consumer)},
 * which turns one input file into records; optionally narrow {@link #acceptsFile(Path)}. Everything
 * else (listing files, splitting, writing, recording) is inherited. {@link CsvExampleGen} is such a
 * subclass.
 *
 * <p>Spec: parameter {@code input_base} (a directory, templated), output {@code examples}.
 */
public abstract class FileBasedExampleGen extends BaseComponent {
  /** The directory parameter. */
  public static final String INPUT_BASE = "input_base";

  /** The output key. */
  public static final String EXAMPLES = "examples";

  /** The spec every file-based ExampleGen shares. */
  public static final ComponentSpec SPEC =
      ComponentSpec.builder()
          .parameter(INPUT_BASE, String.class)
          .output(EXAMPLES, Examples.class)
          .build();

  protected FileBasedExampleGen(String inputBase) {
    super(SPEC);
    bindParameter(INPUT_BASE, inputBase);
  }

  /**
   * The hook: reads one input file and hands each record (column name → value; values are {@code
   * String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null}) to {@code records}, in
   * file order. Throw an {@link IOException} naming the file and line for malformed input: the
   * execution then fails and nothing is published.
   */
  protected abstract void readRecords(Path file, Consumer<Map<String, Object>> records)
      throws IOException;

  /** Whether a file under {@code input_base} is read; all regular, non-hidden files by default. */
  protected boolean acceptsFile(Path file) {
    return !file.getFileName().toString().startsWith(".");
  }

  /** The generated examples. */
  public Channel<Examples> examples() {
    return output(EXAMPLES, Examples.class);
  }

  @Override
  public final ComponentExecutor executor() {
    return new ExampleGenExecutor(this::readRecords, this::acceptsFile);
  }
}
