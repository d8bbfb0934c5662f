package dev.updraft.web.api.internal.variables;

import dev.updraft.metadata.state.VariableRepository;
import dev.updraft.web.api.internal.BulkTarget;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.ValidationErrors;
import java.util.List;

/** Variables for {@code PATCH /api/v2/variables} (Airflow's {@code BulkVariableService}). */
final class VariableBulkTarget implements BulkTarget<VariableInput> {
  private final VariableRepository variables;

  VariableBulkTarget(VariableRepository variables) {
    this.variables = variables;
  }

  @Override
  public VariableInput read(JsonBody body, ValidationErrors errors, List<Object> loc) {
    return VariableInput.read(body);
  }

  @Override
  public String key(VariableInput variable) {
    return variable.key();
  }

  @Override
  public boolean exists(String key) {
    return variables.find(key).isPresent();
  }

  @Override
  public void put(VariableInput variable) {
    variables.set(variable.key(), variable.value(), variable.description());
  }

  @Override
  public void update(VariableInput variable, List<String> sent, List<String> mask) {
    VariableRoutes.update(variables, variable.key(), variable, mask, sent);
  }

  @Override
  public boolean delete(String key) {
    return variables.delete(key);
  }
}
