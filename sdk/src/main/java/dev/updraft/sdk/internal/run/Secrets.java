package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.Connection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a task try reads Airflow Variables and Connections: the metadata database, the Task
 * Execution API, or memory. Implementations must be thread-safe.
 */
public interface Secrets {
  /** No variables and no connections. */
  Secrets NONE =
      new Secrets() {
        @Override
        public Optional<String> variable(String key) {
          return Optional.empty();
        }

        @Override
        public Optional<Connection> connection(String connId) {
          return Optional.empty();
        }
      };

  /** The variable {@code key}'s value as stored (JSON for JSON variables), if it exists. */
  Optional<String> variable(String key);

  /** The connection {@code connId}, secrets decrypted, if it exists. */
  Optional<Connection> connection(String connId);

  /**
   * {@code fallback} behind variables set in {@code env} as {@code UPDRAFT_VAR_<KEY>} or Airflow's
   * {@code AIRFLOW_VAR_<KEY>} (key upper-cased), which win, as Airflow's environment backend is
   * searched before its database.
   */
  static Secrets withEnvironment(Map<String, String> env, Secrets fallback) {
    return new Secrets() {
      @Override
      public Optional<String> variable(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        String value = env.get("UPDRAFT_VAR_" + upper);
        if (value == null) {
          value = env.get("AIRFLOW_VAR_" + upper);
        }
        return value != null ? Optional.of(value) : fallback.variable(key);
      }

      @Override
      public Optional<Connection> connection(String connId) {
        return fallback.connection(connId);
      }
    };
  }
}
