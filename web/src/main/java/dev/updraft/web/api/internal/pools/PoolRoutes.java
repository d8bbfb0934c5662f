package dev.updraft.web.api.internal.pools;

import dev.updraft.metadata.state.PoolQuery;
import dev.updraft.metadata.state.PoolRecord;
import dev.updraft.metadata.state.PoolRepository;
import dev.updraft.metadata.state.PoolSlotStats;
import dev.updraft.web.api.internal.ApiAuth;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.AuditLog;
import dev.updraft.web.api.internal.BulkActions;
import dev.updraft.web.api.internal.JsonBody;
import dev.updraft.web.api.internal.Paging;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.auth.SimpleUser;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v2/pools}: list, get, create, patch, delete and bulk, as Airflow's pools routes. */
public final class PoolRoutes {
  static final String PATH = "/api/v2/pools";

  /** Airflow's pool sort attributes; {@code name} is the API's name for the {@code pool} column. */
  private static final Map<String, String> ORDER_BY =
      Map.of("id", "id", "pool", "pool", "name", "pool");

  private static final Set<String> PATCH_FIELDS =
      Set.of("pool", "slots", "description", "include_deferred", "team_name");

  private final PoolRepository pools;
  private final ApiAuth auth;
  private final AuditLog audit;
  private final BulkActions<PoolInput> bulk;

  public PoolRoutes(PoolRepository pools, ApiAuth auth, AuditLog audit) {
    this.pools = pools;
    this.auth = auth;
    this.audit = audit;
    this.bulk = new BulkActions<>(new PoolBulkTarget(pools), "pools with these pool names");
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::create);
    app.patch(PATH, this::bulk);
    app.get(PATH + "/{pool_name}", this::get);
    app.patch(PATH + "/{pool_name}", this::patch);
    app.delete(PATH + "/{pool_name}", this::delete);
  }

  private void list(Context ctx) {
    auth.require(ctx, Permission.READ);
    Paging paging = Paging.from(ctx, ORDER_BY, "id", new ValidationErrors());
    List<PoolQuery.Order> order =
        new java.util.ArrayList<>(
            paging.orderBy().stream()
                .map(sort -> new PoolQuery.Order(sort.column(), sort.descending()))
                .toList());
    if (order.stream().noneMatch(o -> o.column().equals("id"))) {
      // As Airflow: the primary key breaks ties, so pages neither repeat nor skip rows.
      order.add(new PoolQuery.Order("id", false));
    }
    PoolQuery query =
        new PoolQuery(
            QueryParams.likePatterns(ctx.queryParam("pool_name_pattern")),
            order,
            paging.limit(),
            paging.offset());
    Map<String, PoolSlotStats> stats = pools.slotStats();
    List<Map<String, Object>> page =
        pools.page(query).stream().map(pool -> response(pool, stats)).toList();
    JsonResponses.respond(ctx, 200, QueryParams.collection("pools", page, pools.count(query)));
  }

  private void get(Context ctx) {
    auth.require(ctx, Permission.READ);
    PoolRecord pool = existing(ctx.pathParam("pool_name"));
    JsonResponses.respond(ctx, 200, response(pool, pools.slotStats()));
  }

  private void create(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.POOLS);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    PoolInput input = PoolInput.read(body);
    errors.throwIfAny();
    audit.record("post_pool", user, body.plain());
    if (pools.get(input.name()).isPresent()) {
      throw duplicate(input.name());
    }
    PoolRecord created;
    try {
      created =
          pools.create(input.name(), input.slots(), input.description(), input.includeDeferred());
    } catch (IllegalArgumentException e) {
      // Lost a race with another create of the same name.
      throw duplicate(input.name());
    }
    JsonResponses.respond(ctx, 201, response(created, pools.slotStats()));
  }

  private void patch(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.POOLS);
    String name = ctx.pathParam("pool_name");
    List<String> mask = ctx.queryParams("update_mask").stream().map(String::strip).toList();
    if (PoolRepository.DEFAULT_POOL.equals(name)
        && (mask.isEmpty()
            || !mask.stream().allMatch(f -> f.equals("slots") || f.equals("include_deferred")))) {
      throw new ApiException(
          400, "Only slots and included_deferred can be modified on Default Pool");
    }
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    body.forbidExtras(PATCH_FIELDS);
    boolean replace = mask.isEmpty();
    // Without update_mask, Airflow validates the body as a whole pool: name and slots required.
    String newName = body.string("pool", replace, !replace, 256);
    Integer slots = body.integer("slots", replace, !replace, -1);
    String description = body.string("description", false, true, null);
    Boolean includeDeferred = body.bool("include_deferred", false, true);
    body.string("team_name", false, true, 50);
    errors.throwIfAny();
    audit.record("patch_pool", user, body.plain());
    PoolRecord pool = existing(name);
    Set<String> fields = new java.util.HashSet<>(body.fieldNames());
    if (!replace) {
      fields.retainAll(mask);
    }
    PoolRecord updated =
        pools
            .update(
                name,
                fields.contains("slots") && slots != null ? slots : pool.slots(),
                fields.contains("description") ? description : pool.description(),
                fields.contains("include_deferred") && includeDeferred != null
                    ? includeDeferred
                    : pool.includeDeferred())
            .orElseThrow(() -> notFound(name));
    if (fields.contains("pool") && newName != null && !newName.equals(name)) {
      if (pools.get(newName).isPresent()) {
        throw duplicate(newName);
      }
      pools.rename(name, newName);
      updated = existing(newName);
    }
    JsonResponses.respond(ctx, 200, response(updated, pools.slotStats()));
  }

  private void delete(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.POOLS);
    String name = ctx.pathParam("pool_name");
    if (PoolRepository.DEFAULT_POOL.equals(name)) {
      throw new ApiException(400, "Default Pool can't be deleted");
    }
    audit.record("delete_pool", user, Map.of("pool_name", name));
    if (!pools.delete(name)) {
      throw notFound(name);
    }
    ctx.status(204);
  }

  private void bulk(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.POOLS);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    List<BulkActions.Action<PoolInput>> actions = bulk.read(body, errors);
    errors.throwIfAny();
    audit.record("bulk_pools", user, body.plain());
    JsonResponses.respond(ctx, 200, bulk.apply(actions));
  }

  private PoolRecord existing(String name) {
    return pools.get(name).orElseThrow(() -> notFound(name));
  }

  private static ApiException notFound(String name) {
    return new ApiException(404, "The Pool with name: `" + name + "` was not found");
  }

  /** Airflow answers unique-constraint violations with this 409 detail object. */
  private static ApiException duplicate(String name) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", "Unique constraint violation");
    detail.put("statement", "INSERT INTO slot_pool (pool, slots, description, include_deferred)");
    detail.put("orig_error", "pool '" + name + "' already exists");
    return new ApiException(409, detail);
  }

  private static Map<String, Object> response(PoolRecord pool, Map<String, PoolSlotStats> stats) {
    return PoolResponses.of(pool, stats.getOrDefault(pool.pool(), PoolSlotStats.NONE));
  }
}
