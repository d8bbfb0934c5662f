package dev.updraft.sdk.internal.run;

import java.time.Instant;
import java.util.Map;

/**
 * The DAG run a try belongs to.
 *
 * @param runId the run's id
 * @param runType {@code manual}, {@code scheduled}, {@code backfill} or {@code asset_triggered}
 * @param logicalDate the logical date, or {@code null}
 * @param dataIntervalStart the data interval's start, or {@code null}
 * @param dataIntervalEnd the data interval's end, or {@code null}
 * @param conf the conf the run was triggered with
 * @param params the DAG's params overridden by the conf
 */
public record RunInfo(
    String runId,
    String runType,
    Instant logicalDate,
    Instant dataIntervalStart,
    Instant dataIntervalEnd,
    Map<String, Object> conf,
    Map<String, Object> params) {}
