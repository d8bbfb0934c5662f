package dev.updraft.web.execution;

import java.util.List;
import java.util.Map;

/**
 * Bodies of Updraft's artifact routes under {@code /execution/artifacts}, an extension with no
 * Airflow counterpart: a remote task runner records component executions and their artifacts
 * through them.
 */
public final class ArtifactBodies {
  private ArtifactBodies() {}

  /**
   * An artifact on the wire.
   *
   * @param id its id in the metadata store, {@code null} before it is recorded
   * @param type its type name, e.g. {@code Examples}
   * @param uri where its payload lives
   * @param state {@code PENDING}, {@code LIVE}, …
   * @param properties typed and custom properties alike
   */
  public record ArtifactJson(
      Long id, String type, String uri, String state, Map<String, Object> properties) {}

  /** Starts a component execution of the caller's try. */
  public record BeginExecution(
      String componentType,
      Map<String, List<ArtifactJson>> inputs,
      Map<String, Object> parameters) {
    static final String[] REQUIRED = {"component_type"};
  }

  /** The execution begun, and its inputs with the ids they were recorded with. */
  public record ExecutionBegun(long executionId, Map<String, List<ArtifactJson>> inputs) {}

  /** Outputs to publish, or published (with their ids and states). */
  public record Outputs(Map<String, List<ArtifactJson>> outputs) {
    static final String[] REQUIRED = {"outputs"};
  }

  /** Why an execution failed. */
  public record FailExecution(String reason) {}

  /** An artifact that exists outside the pipeline, to register. */
  public record RegisterExternal(String type, String uri, Map<String, Object> properties) {
    static final String[] REQUIRED = {"type", "uri"};
  }

  /** A list of artifacts. */
  public record ArtifactList(List<ArtifactJson> artifacts) {}

  /** Where output artifacts get their URIs. */
  public record ArtifactRoot(String artifactRoot) {}
}
