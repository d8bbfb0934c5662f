package dev.updraft.web.api.internal.variables;

import dev.updraft.metadata.state.VariableRecord;
import dev.updraft.web.api.internal.SecretMasker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Airflow's {@code VariableResponse}. As Airflow's secrets masker, the value of a variable whose
 * key names a secret (it contains {@code password}, {@code secret}, {@code token}...) reads {@code
 * ***}.
 */
final class VariableResponses {
  private VariableResponses() {}

  static Map<String, Object> of(VariableRecord variable) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", variable.key());
    String value = variable.value() == null ? "" : variable.value();
    body.put("value", SecretMasker.isSensitive(variable.key()) ? SecretMasker.MASK : value);
    body.put("description", variable.description());
    body.put("is_encrypted", false);
    body.put("team_name", null);
    return body;
  }
}
