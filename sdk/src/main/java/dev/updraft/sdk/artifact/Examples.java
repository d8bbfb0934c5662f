package dev.updraft.sdk.artifact;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Training or evaluation examples, stored per split under {@code Split-<name>/}. */
@ArtifactType("Examples")
public class Examples extends Artifact {
  /** The property listing the splits, as TFX names it. */
  public static final String SPLIT_NAMES = "split_names";

  /** The split names, e.g. {@code [train, eval]}. */
  public List<String> splitNames() {
    Object value = property(SPLIT_NAMES);
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(",")).map(String::trim).toList();
  }

  public void setSplitNames(List<String> names) {
    setProperty(SPLIT_NAMES, String.join(",", names));
  }

  /** The directory holding one split's files. */
  public Path splitPath(String split) {
    return path().resolve("Split-" + split);
  }
}
