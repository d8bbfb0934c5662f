package dev.updraft.web.api.internal.dags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.DagRecord;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.metadata.state.DagVersionRecord;
import dev.updraft.web.api.internal.ApiTimes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Airflow's {@code DAGResponse} and {@code DAGDetailsResponse} from a DAG's row and its JSON. */
public final class DagResponses {
  private DagResponses() {}

  /** {@code DAGResponse}: the row alone, so a page needs no serialized DAG. */
  public static Map<String, Object> of(DagRecord dag) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dag_id", dag.dagId());
    // Updraft DAGs have no separate display name: Airflow then shows the id.
    body.put("dag_display_name", dag.dagId());
    body.put("is_paused", dag.isPaused());
    body.put("is_stale", dag.isStale());
    body.put("last_parsed_time", ApiTimes.format(dag.lastParsedTime()));
    body.put("last_parse_duration", null);
    body.put("last_expired", null);
    body.put("bundle_name", DagRepository.BUNDLE_NAME);
    body.put("bundle_version", null);
    body.put("relative_fileloc", relativeFileloc(dag.fileloc()));
    body.put("fileloc", dag.fileloc() == null ? "" : dag.fileloc());
    body.put("description", dag.description());
    body.put("timetable_summary", dag.timetableSummary());
    body.put("timetable_description", null);
    body.put("timetable_partitioned", false);
    body.put("tags", tags(dag));
    body.put("max_active_tasks", dag.maxActiveTasks());
    body.put("max_active_runs", dag.maxActiveRuns());
    body.put("max_consecutive_failed_dag_runs", 0);
    body.put("has_task_concurrency_limits", false);
    body.put("has_import_errors", dag.hasImportErrors());
    body.put("next_dagrun_logical_date", ApiTimes.format(dag.nextDagrun()));
    body.put("next_dagrun_data_interval_start", ApiTimes.format(dag.nextDagrunDataIntervalStart()));
    body.put("next_dagrun_data_interval_end", ApiTimes.format(dag.nextDagrunDataIntervalEnd()));
    body.put("next_dagrun_run_after", ApiTimes.format(dag.nextDagrunCreateAfter()));
    body.put("allowed_run_types", null);
    body.put("owners", owners(dag.owners()));
    body.put("file_token", fileToken(dag.fileloc()));
    return body;
  }

  /**
   * {@code DAGDetailsResponse}: the row, then what only the serialized DAG knows (catchup, dates,
   * timezone, params, docs), the latest version and the count of queued and running runs.
   */
  public static Map<String, Object> details(
      DagRecord dag, JsonNode serialized, DagVersionRecord latest, long activeRuns) {
    Map<String, Object> body = of(dag);
    body.put("catchup", serialized.path("catchup").asBoolean(false));
    body.put("dag_run_timeout", text(serialized, "dagrun_timeout"));
    body.put("asset_expression", null);
    body.put("doc_md", text(serialized, "doc_md"));
    body.put("start_date", date(serialized, "start_date"));
    body.put("end_date", date(serialized, "end_date"));
    body.put("is_paused_upon_creation", null);
    body.put("params", params(serialized.path("params")));
    body.put("render_template_as_native_obj", false);
    body.put("template_search_path", null);
    String zone = text(serialized, "timezone");
    // Java names UTC "Z"; Airflow (pendulum) names it "UTC".
    body.put("timezone", "Z".equals(zone) ? "UTC" : zone);
    body.put("last_parsed", ApiTimes.format(dag.lastParsedTime()));
    body.put("default_args", null);
    body.put("owner_links", null);
    body.put("is_favorite", false);
    body.put("active_runs_count", activeRuns);
    body.put("latest_dag_version", latest == null ? null : version(latest));
    body.put("concurrency", dag.maxActiveTasks());
    return body;
  }

  /** Airflow's {@code DagVersionResponse}. */
  public static Map<String, Object> version(DagVersionRecord version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", version.id().toString());
    body.put("version_number", version.versionNumber());
    body.put("dag_id", version.dagId());
    body.put("bundle_name", version.bundleName());
    body.put("bundle_version", version.bundleVersion());
    body.put("created_at", ApiTimes.format(version.createdAt()));
    body.put("dag_display_name", version.dagId());
    body.put("bundle_url", null);
    return body;
  }

  private static List<Map<String, Object>> tags(DagRecord dag) {
    List<Map<String, Object>> tags = new ArrayList<>();
    for (String name : dag.tags()) {
      Map<String, Object> tag = new LinkedHashMap<>();
      tag.put("name", name);
      tag.put("dag_id", dag.dagId());
      tag.put("dag_display_name", dag.dagId());
      tags.add(tag);
    }
    return tags;
  }

  // Airflow stores owners comma-separated and answers them as a list.
  private static List<String> owners(String owners) {
    if (owners == null || owners.isBlank()) {
      return List.of();
    }
    return Arrays.stream(owners.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
  }

  // The jar or folder's name: Updraft has one dags folder, so that is the path within it.
  private static String relativeFileloc(String fileloc) {
    if (fileloc == null || fileloc.isEmpty()) {
      return null;
    }
    Path name = Path.of(fileloc).getFileName();
    return name == null ? fileloc : name.toString();
  }

  // Airflow signs the fileloc with its secret key; the token is opaque to clients, and Updraft's
  // dagSources route takes a DAG id, so an unsigned URL-safe encoding serves the same purpose.
  private static String fileToken(String fileloc) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((fileloc == null ? "" : fileloc).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static String date(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : ApiTimes.format(ApiTimes.parse(text));
  }

  // Airflow dumps each param as its value, description and JSON schema.
  private static Map<String, Object> params(JsonNode params) {
    Map<String, Object> out = new LinkedHashMap<>();
    params
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode spec = entry.getValue();
              Map<String, Object> param = new LinkedHashMap<>();
              param.put("__class", "airflow.sdk.definitions.param.Param");
              param.put("value", plain(spec.get("default")));
              param.put("description", plain(spec.get("description")));
              Map<String, Object> schema = new LinkedHashMap<>();
              if (spec.hasNonNull("type")) {
                schema.put("type", spec.get("type").asText());
              }
              param.put("schema", schema);
              out.put(entry.getKey(), param);
            });
    return out;
  }

  private static Object plain(JsonNode node) {
    return node == null ? null : dev.updraft.web.api.internal.JsonBody.plain(node);
  }
}
