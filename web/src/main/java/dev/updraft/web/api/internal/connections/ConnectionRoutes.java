package dev.updraft.web.api.internal.connections;

import dev.updraft.metadata.state.ConnectionQuery;
import dev.updraft.metadata.state.ConnectionRecord;
import dev.updraft.metadata.state.ConnectionRepository;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v2/connections}: list, get, create, patch, delete and bulk, as Airflow's connections
 * routes. Passwords are never returned: responses carry Airflow's redacted {@code
 * ConnectionResponse}.
 */
public final class ConnectionRoutes {
  static final String PATH = "/api/v2/connections";

  /**
   * Airflow's connection sort attributes; {@code connection_id} is the API's name for {@code
   * conn_id}. {@code team_name} is accepted and sorts nothing: Updraft has no teams.
   */
  private static final Map<String, String> ORDER_BY =
      Map.of(
          "conn_id", "conn_id",
          "connection_id", "conn_id",
          "conn_type", "conn_type",
          "description", "description",
          "host", "host",
          "port", "port",
          "id", "id",
          "team_name", "team_name");

  private final ConnectionRepository connections;
  private final ApiAuth auth;
  private final AuditLog audit;
  private final BulkActions<ConnectionInput> bulk;

  public ConnectionRoutes(ConnectionRepository connections, ApiAuth auth, AuditLog audit) {
    this.connections = connections;
    this.auth = auth;
    this.audit = audit;
    this.bulk =
        new BulkActions<>(
            new ConnectionBulkTarget(connections), "connections with these connection_ids");
  }

  public void register(Javalin app) {
    app.get(PATH, this::list);
    app.post(PATH, this::create);
    app.patch(PATH, this::bulk);
    // Airflow's answer when [core] test_connection is Disabled, its default.
    app.post(PATH + "/test", this::test);
    app.get(PATH + "/{connection_id}", this::get);
    app.patch(PATH + "/{connection_id}", this::patch);
    app.delete(PATH + "/{connection_id}", this::delete);
  }

  private void list(Context ctx) {
    auth.require(ctx, Permission.READ);
    Paging paging = Paging.from(ctx, ORDER_BY, "id", new ValidationErrors());
    List<ConnectionQuery.Order> order = new ArrayList<>();
    for (Paging.Sort sort : paging.orderBy()) {
      if (!sort.column().equals("team_name")) {
        order.add(new ConnectionQuery.Order(sort.column(), sort.descending()));
      }
    }
    if (order.stream().noneMatch(o -> o.column().equals("id"))) {
      // As Airflow: the primary key breaks ties, so pages neither repeat nor skip rows.
      order.add(new ConnectionQuery.Order("id", false));
    }
    ConnectionQuery query =
        new ConnectionQuery(
            QueryParams.likePatterns(ctx.queryParam("connection_id_pattern")),
            order,
            paging.limit(),
            paging.offset());
    List<Map<String, Object>> page =
        connections.page(query).stream().map(ConnectionResponses::of).toList();
    JsonResponses.respond(
        ctx, 200, QueryParams.collection("connections", page, connections.count(query)));
  }

  private void get(Context ctx) {
    auth.require(ctx, Permission.READ);
    JsonResponses.respond(
        ctx, 200, ConnectionResponses.of(existing(ctx.pathParam("connection_id"))));
  }

  private void create(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.CONNECTIONS);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    ConnectionInput input = ConnectionInput.read(body, errors, List.of("body"));
    errors.throwIfAny();
    audit.record("post_connection", user, redacted(body));
    if (connections.exists(input.connectionId())) {
      throw duplicate(input.connectionId());
    }
    try {
      connections.create(input.record());
    } catch (IllegalArgumentException e) {
      // Lost a race with another create of the same id.
      throw duplicate(input.connectionId());
    }
    JsonResponses.respond(ctx, 201, ConnectionResponses.of(existing(input.connectionId())));
  }

  private void patch(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.CONNECTIONS);
    String id = ctx.pathParam("connection_id");
    List<String> mask = ctx.queryParams("update_mask").stream().map(String::strip).toList();
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    // Airflow validates the body as a whole ConnectionBody, update_mask or not.
    ConnectionInput input = ConnectionInput.read(body, errors, List.of("body"));
    errors.throwIfAny();
    audit.record("patch_connection", user, redacted(body));
    if (!input.connectionId().equals(id)) {
      throw new ApiException(
          400, "The connection_id in the request body does not match the URL parameter");
    }
    ConnectionRecord current = existing(id);
    Set<String> fields = new HashSet<>(body.fieldNames());
    if (!mask.isEmpty()) {
      fields.retainAll(mask);
    }
    connections.set(merge(current, input.record(), fields));
    JsonResponses.respond(ctx, 200, ConnectionResponses.of(existing(id)));
  }

  /**
   * {@code current} with the {@code fields} of {@code sent} (Airflow's update_orm_from_pydantic).
   */
  static ConnectionRecord merge(
      ConnectionRecord current, ConnectionRecord sent, Set<String> fields) {
    return new ConnectionRecord(
        current.connId(),
        fields.contains("conn_type") ? sent.connType() : current.connType(),
        fields.contains("description") ? sent.description() : current.description(),
        fields.contains("host") ? sent.host() : current.host(),
        fields.contains("schema") ? sent.schema() : current.schema(),
        fields.contains("login") ? sent.login() : current.login(),
        fields.contains("password") ? sent.password() : current.password(),
        fields.contains("port") ? sent.port() : current.port(),
        fields.contains("extra") ? sent.extra() : current.extra());
  }

  private void delete(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.CONNECTIONS);
    String id = ctx.pathParam("connection_id");
    audit.record("delete_connection", user, Map.of("connection_id", id));
    if (!connections.delete(id)) {
      throw notFound(id);
    }
    ctx.status(204);
  }

  private void test(Context ctx) {
    auth.require(ctx, Permission.CONNECTIONS);
    // FastAPI validates the body before the route refuses.
    ValidationErrors errors = new ValidationErrors();
    ConnectionInput.read(JsonBody.read(ctx, errors), errors, List.of("body"));
    errors.throwIfAny();
    throw new ApiException(
        403,
        "Testing connections is disabled in Airflow configuration. Contact your deployment admin"
            + " to enable it.");
  }

  private void bulk(Context ctx) {
    SimpleUser user = auth.require(ctx, Permission.CONNECTIONS);
    ValidationErrors errors = new ValidationErrors();
    JsonBody body = JsonBody.read(ctx, errors);
    List<BulkActions.Action<ConnectionInput>> actions = bulk.read(body, errors);
    errors.throwIfAny();
    audit.record("bulk_connections", user, redacted(body));
    JsonResponses.respond(ctx, 200, bulk.apply(actions));
  }

  private static Object redacted(JsonBody body) {
    return JsonBody.plain(
        ConnectionResponses.redactBody(JsonResponses.mapper().valueToTree(body.plain())));
  }

  private ConnectionRecord existing(String id) {
    return connections.get(id).orElseThrow(() -> notFound(id));
  }

  static ApiException notFound(String id) {
    return new ApiException(404, "The Connection with connection_id: `" + id + "` was not found");
  }

  /** Airflow answers unique-constraint violations with this 409 detail object. */
  private static ApiException duplicate(String id) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", "Unique constraint violation");
    detail.put(
        "statement",
        "INSERT INTO connection (conn_id, conn_type, description, host, schema, login, password,"
            + " port, extra, is_encrypted, is_extra_encrypted)");
    detail.put("orig_error", "connection '" + id + "' already exists");
    return new ApiException(409, detail);
  }
}
