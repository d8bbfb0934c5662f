package dev.updraft.web.execution;

import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.web.execution.ExecutionBodies.VariableResponse;

/** Variables as task runners read them. */
public final class VariableService {
  private final VariableRepository variables;

  public VariableService(VariableRepository variables) {
    this.variables = variables;
  }

  /** The variable {@code key}, or 404. */
  public VariableResponse get(String key) {
    return variables
        .get(key)
        .map(value -> new VariableResponse(key, value))
        .orElseThrow(
            () -> ApiException.notFound("Variable with key '%s' not found".formatted(key)));
  }
}
