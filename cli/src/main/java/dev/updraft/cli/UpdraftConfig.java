package dev.updraft.cli;

import dev.updraft.metadata.DatabaseConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Updraft keeps things, from the environment (as Airflow reads {@code AIRFLOW_HOME} and
 * {@code AIRFLOW__CORE__DAGS_FOLDER}).
 *
 * @param home {@code UPDRAFT_HOME}, default {@code ~/updraft}
 * @param dagsFolder {@code UPDRAFT_DAGS_FOLDER}, default {@code $UPDRAFT_HOME/dags}
 * @param examplesFolder {@code UPDRAFT_EXAMPLES_FOLDER}: the example DAG jars the distribution
 *     ships (set by the launcher), or {@code null}
 * @param loadExamples {@code UPDRAFT_LOAD_EXAMPLES}, default {@code true} (Airflow's {@code
 *     load_examples})
 * @param database the metadata database: {@code UPDRAFT_DB_URL}, default an H2 file under the home
 */
public record UpdraftConfig(
    Path home,
    Path dagsFolder,
    Path examplesFolder,
    boolean loadExamples,
    DatabaseConfig database) {

  public static UpdraftConfig fromEnvironment(Map<String, String> env) {
    Path home =
        Path.of(env.getOrDefault("UPDRAFT_HOME", System.getProperty("user.home") + "/updraft"));
    Path dags = Path.of(env.getOrDefault("UPDRAFT_DAGS_FOLDER", home.resolve("dags").toString()));
    String examples = env.get("UPDRAFT_EXAMPLES_FOLDER");
    boolean load = !"false".equalsIgnoreCase(env.getOrDefault("UPDRAFT_LOAD_EXAMPLES", "true"));
    return new UpdraftConfig(
        home,
        dags,
        examples == null ? null : Path.of(examples),
        load,
        DatabaseConfig.fromEnvironment(env, home));
  }

  /** The same configuration reading DAGs from {@code folder} instead. */
  public UpdraftConfig withDagsFolder(Path folder) {
    return new UpdraftConfig(home, folder, examplesFolder, loadExamples, database);
  }
}
