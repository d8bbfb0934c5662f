package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.Dag;
import dev.updraft.sdk.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's params: the DAG's defaults overridden by the run's conf, as Airflow merges them. */
public final class RunParams {
  private RunParams() {}

  /**
   * Merges {@code conf} over the DAG's param defaults.
   *
   * @throws IllegalArgumentException naming the param when a conf value has the wrong type
   */
  public static Map<String, Object> resolve(Dag dag, Map<String, Object> conf) {
    Map<String, Object> params = new LinkedHashMap<>();
    dag.params().forEach((name, param) -> params.put(name, param.defaultValue()));
    conf.forEach(
        (name, value) -> {
          Param param = dag.params().get(name);
          if (param != null && !param.accepts(value)) {
            throw new IllegalArgumentException(
                "conf sets param '"
                    + name
                    + "' of DAG '"
                    + dag.dagId()
                    + "' to "
                    + value
                    + ", which is not of its type '"
                    + param.type()
                    + "'");
          }
          params.put(name, value);
        });
    return params;
  }
}
