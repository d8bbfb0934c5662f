package dev.updraft.sdk.internal.template;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task try with a fixed logical date (2024-01-31, interval 2024-01-30..2024-01-31). */
final class TemplateFixtures {
  static final Instant LOGICAL_DATE = Instant.parse("2024-01-31T00:00:00Z");
  static final Instant INTERVAL_START = Instant.parse("2024-01-30T00:00:00Z");
  static final String RUN_ID = "scheduled__2024-01-31T00:00:00+00:00";

  private TemplateFixtures() {}

  static TemplateInputs inputs() {
    return inputs(LOGICAL_DATE);
  }

  static TemplateInputs inputs(Instant logicalDate) {
    Map<String, Object> params = new HashMap<>();
    params.put("x", "px");
    params.put("n", 3);
    params.put("items", List.of(1, 2, 3));
    params.put("nested", Map.of("deep", "value"));
    params.put("nothing", null);
    params.put("template_like", "{{ ds }}");
    return new TemplateInputs(
        "my_dag",
        "my_task",
        RUN_ID,
        "scheduled",
        logicalDate,
        logicalDate == null ? null : INTERVAL_START,
        logicalDate,
        1,
        3,
        params,
        Map.of("k", "kv", "other", 7),
        "alice");
  }

  static Map<String, Object> context() {
    return TemplateContexts.forTry(inputs());
  }

  static String render(String template) {
    return TemplateRenderer.render(template, context());
  }
}
