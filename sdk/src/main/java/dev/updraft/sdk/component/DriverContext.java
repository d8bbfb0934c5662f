package dev.updraft.sdk.component;

import dev.updraft.sdk.artifact.Artifact;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What a {@link ComponentDriver} can see and do before an execution starts. */
public interface DriverContext {

  /** The component about to run. */
  BaseComponent component();

  /** The artifacts the bound channels' producers published in this run, by input key. */
  Map<String, List<Artifact>> channelInputs();

  /** The parameters as bound in the DAG, by name. */
  Map<String, Object> parameters();

  /** The newest LIVE artifacts of {@code type} recorded for this pipeline, newest first. */
  <T extends Artifact> List<T> latestArtifacts(Class<T> type, int limit);

  /**
   * Records an artifact that exists outside the pipeline (a dataset on disk, say) and returns it,
   * LIVE; the same URI and type recorded before returns the earlier record.
   */
  <T extends Artifact> T registerExternal(
      Class<T> type, String uri, Map<String, Object> properties);

  /** The execution's log. */
  PrintStream log();
}
