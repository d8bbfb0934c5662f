package dev.updraft.web.api.internal.dags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.web.api.internal.ApiTimes;
import dev.updraft.web.api.internal.JsonBody;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Airflow's {@code TaskResponse} from a task of the serialized DAG. */
final class TaskResponses {
  private TaskResponses() {}

  static Map<String, Object> of(JsonNode dag, JsonNode task) {
    Map<String, Object> body = new LinkedHashMap<>();
    String taskId = task.path("task_id").asText();
    body.put("task_id", taskId);
    body.put("task_display_name", taskId);
    body.put("owner", text(task, "owner"));
    // Tasks take the DAG's dates, as Airflow's operators inherit them.
    body.put("start_date", date(dag, "start_date"));
    body.put("end_date", date(dag, "end_date"));
    body.put("trigger_rule", text(task, "trigger_rule"));
    body.put("depends_on_past", task.path("depends_on_past").asBoolean(false));
    body.put("wait_for_downstream", false);
    body.put("retries", number(task.get("retries")));
    body.put("queue", text(task, "queue"));
    body.put("pool", text(task, "pool"));
    body.put("pool_slots", number(task.get("pool_slots")));
    body.put("execution_timeout", timeDelta(text(task, "execution_timeout")));
    body.put("retry_delay", timeDelta(text(task, "retry_delay")));
    // Airflow 3.1's backoff is a multiplier: on means doubling, off means none.
    body.put(
        "retry_exponential_backoff",
        task.path("retry_exponential_backoff").asBoolean() ? 2.0 : 0.0);
    body.put("priority_weight", number(task.get("priority_weight")));
    body.put("weight_rule", text(task, "weight_rule"));
    body.put("ui_color", "#fff");
    body.put("ui_fgcolor", "#000");
    body.put("template_fields", strings(task.path("template_fields")));
    body.put("downstream_task_ids", strings(task.path("downstream_task_ids")));
    body.put("doc_md", text(task, "doc"));
    body.put("operator_name", text(task, "operator"));
    body.put("params", new LinkedHashMap<>());
    body.put("class_ref", null);
    body.put("is_mapped", false);
    body.put("extra_links", List.of());
    return body;
  }

  /**
   * Airflow's {@code TimeDelta} object for an ISO-8601 duration, split as Python's {@code
   * timedelta} is: whole days, seconds below a day, microseconds below a second.
   */
  static Map<String, Object> timeDelta(String iso) {
    if (iso == null) {
      return null;
    }
    Duration duration;
    try {
      duration = Duration.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
    long micros = duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000;
    long days = Math.floorDiv(micros, 86_400_000_000L);
    long rest = Math.floorMod(micros, 86_400_000_000L);
    Map<String, Object> delta = new LinkedHashMap<>();
    delta.put("__type", "TimeDelta");
    delta.put("days", days);
    delta.put("seconds", rest / 1_000_000L);
    delta.put("microseconds", rest % 1_000_000L);
    return delta;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String date(JsonNode node, String field) {
    String text = text(node, field);
    return text == null ? null : ApiTimes.format(ApiTimes.parse(text));
  }

  private static Object number(JsonNode node) {
    return node == null || node.isNull() ? null : JsonBody.plain(node);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }
}
