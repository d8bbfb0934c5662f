package dev.updraft.web.api.internal;

import java.util.List;
import java.util.Locale;

/**
 * Airflow's secrets masker as the API applies it: a value whose name contains one of {@code
 * DEFAULT_SENSITIVE_FIELDS} (variables, keys inside a connection's JSON {@code extra}) is shown as
 * {@value #MASK}.
 */
public final class SecretMasker {
  public static final String MASK = "***";

  /** Airflow's {@code DEFAULT_SENSITIVE_FIELDS}. */
  private static final List<String> SENSITIVE =
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

  private SecretMasker() {}

  /** Whether a value named {@code name} is masked (case-insensitive, anywhere in the name). */
  public static boolean isSensitive(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return SENSITIVE.stream().anyMatch(lower::contains);
  }
}
