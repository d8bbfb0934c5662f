package dev.updraft.web.api.internal.dags;

import dev.updraft.metadata.state.DagQuery;
import dev.updraft.metadata.state.DagRepository;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the DAG filters of {@code GET /dags} and {@code PATCH /dags} into a {@link DagQuery}. */
final class DagFilters {
  /** Airflow's sort attributes of DAGs; {@code state} and {@code start_date} are the last run's. */
  static final Map<String, String> ORDER_BY = orderBy();

  static final List<String> RUN_STATES = List.of("queued", "running", "success", "failed");

  private DagFilters() {}

  private static Map<String, String> orderBy() {
    Map<String, String> order = new LinkedHashMap<>();
    order.put("dag_id", "dag_id");
    // No DAG has a display name of its own, so it sorts as its id.
    order.put("dag_display_name", "dag_id");
    order.put("next_dagrun", "next_dagrun");
    order.put("state", "last_run_state");
    order.put("start_date", "last_run_start_date");
    order.put("last_run_state", "last_run_state");
    order.put("last_run_start_date", "last_run_start_date");
    return order;
  }

  /** The filters of {@code GET /dags}, with its paging. */
  static DagQuery forList(Context ctx, Paging paging, ValidationErrors errors) {
    boolean matchNothing = false;
    Boolean paused = QueryParams.bool(ctx, "paused", errors);
    Boolean hasImportErrors = QueryParams.bool(ctx, "has_import_errors", errors);
    Boolean excludeStale = QueryParams.bool(ctx, "exclude_stale", errors);
    Boolean hasAssetSchedule = QueryParams.bool(ctx, "has_asset_schedule", errors);
    Boolean isFavorite = QueryParams.bool(ctx, "is_favorite", errors);
    List<String> runStates = QueryParams.oneOf(ctx, "dag_run_state", RUN_STATES, errors);
    List<String> lastState = QueryParams.oneOf(ctx, "last_dag_run_state", RUN_STATES, errors);
    List<String> mode = QueryParams.oneOf(ctx, "tags_match_mode", List.of("any", "all"), errors);
    DagQuery.RunBounds bounds =
        new DagQuery.RunBounds(
            QueryParams.instant(ctx, "dag_run_start_date_gte", errors),
            QueryParams.instant(ctx, "dag_run_start_date_gt", errors),
            QueryParams.instant(ctx, "dag_run_start_date_lte", errors),
            QueryParams.instant(ctx, "dag_run_start_date_lt", errors),
            QueryParams.instant(ctx, "dag_run_end_date_gte", errors),
            QueryParams.instant(ctx, "dag_run_end_date_gt", errors),
            QueryParams.instant(ctx, "dag_run_end_date_lte", errors),
            QueryParams.instant(ctx, "dag_run_end_date_lt", errors));
    errors.throwIfAny();
    List<String> states = new ArrayList<>(runStates);
    String last = lastState.isEmpty() ? null : lastState.getLast();
    if (last != null) {
      // Both filters are on the last run's state: it must satisfy each.
      if (states.isEmpty() || states.contains(last)) {
        states = List.of(last);
      } else {
        matchNothing = true;
      }
    }
    String bundleName = ctx.queryParam("bundle_name");
    // Every Updraft DAG comes from the dags folder and has no bundle version, no asset schedule
    // and no favourites (yet), so these filters either keep all DAGs or none.
    matchNothing |= bundleName != null && !bundleName.equals(DagRepository.BUNDLE_NAME);
    matchNothing |= ctx.queryParam("bundle_version") != null;
    matchNothing |= Boolean.TRUE.equals(hasAssetSchedule);
    matchNothing |= ctx.queryParam("asset_dependency") != null;
    matchNothing |= Boolean.TRUE.equals(isFavorite);
    return new DagQuery(
        QueryParams.likePatterns(ctx.queryParam("dag_id_pattern")),
        QueryParams.likePatterns(ctx.queryParam("dag_display_name_pattern")),
        ctx.queryParams("tags"),
        !mode.isEmpty() && mode.getLast().equals("all"),
        ctx.queryParams("owners"),
        excludeStale == null || excludeStale,
        paused,
        hasImportErrors,
        states,
        bounds,
        matchNothing,
        paging.orderBy().stream()
            .map(sort -> new DagQuery.Order(sort.column(), sort.descending()))
            .toList(),
        paging.limit(),
        paging.offset());
  }

  /**
   * The filters of {@code PATCH /dags}: without {@code dag_id_pattern} no DAG matches, as in
   * Airflow; {@code ~} matches every DAG.
   */
  static DagQuery forBulk(Context ctx, Paging paging, ValidationErrors errors) {
    Boolean paused = QueryParams.bool(ctx, "paused", errors);
    Boolean excludeStale = QueryParams.bool(ctx, "exclude_stale", errors);
    List<String> mode = QueryParams.oneOf(ctx, "tags_match_mode", List.of("any", "all"), errors);
    errors.throwIfAny();
    String pattern = ctx.queryParam("dag_id_pattern");
    boolean matchNothing = pattern == null || pattern.isBlank();
    List<String> idPatterns =
        pattern == null || pattern.strip().equals("~")
            ? List.of()
            : QueryParams.likePatterns(pattern);
    return new DagQuery(
        idPatterns,
        List.of(),
        ctx.queryParams("tags"),
        !mode.isEmpty() && mode.getLast().equals("all"),
        ctx.queryParams("owners"),
        excludeStale == null || excludeStale,
        paused,
        null,
        List.of(),
        DagQuery.RunBounds.NONE,
        matchNothing,
        List.of(new DagQuery.Order("dag_id", false)),
        paging.limit(),
        paging.offset());
  }
}
