package dev.updraft.web.api.internal;

import dev.updraft.metadata.MetadataDatabase;
import dev.updraft.scheduler.loop.LoopDags;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every route group of the public API shares: the database, authentication, the audit log, the
 * clock, the compiled DAGs (for triggering and clearing), where try logs live and how to wake the
 * scheduler after a change.
 *
 * @param dags the compiled DAGs as the scheduler sees them; a DAG missing here is known only from
 *     its serialized row
 * @param logsRoot the root of the try logs ({@code dag_id=…/run_id=…/task_id=…/attempt=N.log})
 * @param afterChange called after a request queued a run or changed task states, so a scheduler in
 *     this process looks at once instead of at its next poll
 * @param exposeConfig whether {@code GET /config} answers (Airflow's {@code [api] expose_config})
 * @param config the configuration {@code GET /config} shows, by section then option
 */
public record ApiContext(
    MetadataDatabase db,
    ApiAuth auth,
    AuditLog audit,
    Clock clock,
    LoopDags dags,
    Path logsRoot,
    Runnable afterChange,
    boolean exposeConfig,
    Map<String, Map<String, String>> config) {

  public ApiContext {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }
}
