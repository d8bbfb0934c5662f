package dev.updraft.web.api.internal.variables;

import dev.updraft.metadata.state.VariableRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Airflow's {@code VariableResponse}. As Airflow's secrets masker, the value of a variable whose
 * key names a secret (it contains {@code password}, {@code secret}, {@code token}...) reads {@code
 * ***}.
 */
final class VariableResponses {
  /** Airflow's {@code DEFAULT_SENSITIVE_FIELDS}. */
  static final List<String> SENSITIVE =
      List.of(
          "access_token",
          "api_key",
          "apikey",
          "authorization",
          "passphrase",
          "passwd",
          "password",
          "private_key",
          "secret",
          "token",
          "keyfile_dict",
          "service_account");

  private VariableResponses() {}

  static boolean sensitive(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SENSITIVE.stream().anyMatch(lower::contains);
  }

  static Map<String, Object> of(VariableRecord variable) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", variable.key());
    String value = variable.value() == null ? "" : variable.value();
    body.put("value", sensitive(variable.key()) ? "***" : value);
    body.put("description", variable.description());
    body.put("is_encrypted", false);
    body.put("team_name", null);
    return body;
  }
}
