package dev.updraft.cli.internal.daemon;

import dev.updraft.cli.UpdraftConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a daemon shows at {@code GET /api/v2/config} when {@code
 * UPDRAFT_API_EXPOSE_CONFIG=true}: the values it runs with, under Airflow's section and option
 * names; the database URL (it may hold a password) reads {@code < hidden >}, as Airflow's sensitive
 * options do.
 */
final class ShownConfig {
  private ShownConfig() {}

  static Map<String, Map<String, String>> of(
      UpdraftConfig config, DaemonOptions options, boolean standalone) {
    Map<String, String> core = new LinkedHashMap<>();
    core.put("dags_folder", config.dagsFolder().toString());
    core.put("load_examples", python(config.loadExamples()));
    core.put("executor", options.executor());
    core.put("parallelism", String.valueOf(options.parallelism()));
    core.put("dags_are_paused_at_creation", python(options.pausedAtCreation()));
    Map<String, String> api = new LinkedHashMap<>();
    api.put("host", standalone ? options.apiHost() : "127.0.0.1");
    api.put("port", String.valueOf(standalone ? options.apiPort() : 0));
    api.put("expose_config", python(options.exposeConfig()));
    Map<String, String> scheduler = new LinkedHashMap<>();
    scheduler.put(
        "dag_dir_list_interval", String.valueOf(options.dagRefreshInterval().toSeconds()));
    scheduler.put(
        "task_instance_heartbeat_timeout",
        String.valueOf(options.taskHeartbeatTimeout().toSeconds()));
    scheduler.put(
        "scheduler_health_check_threshold",
        String.valueOf(options.schedulerHealthThreshold().toSeconds()));
    Map<String, String> database = new LinkedHashMap<>();
    database.put("sql_alchemy_conn", "< hidden >");
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    sections.put("core", core);
    sections.put("api", api);
    sections.put("scheduler", scheduler);
    sections.put("database", database);
    return sections;
  }

  /** Airflow writes booleans as Python does. */
  private static String python(boolean value) {
    return value ? "True" : "False";
  }
}
