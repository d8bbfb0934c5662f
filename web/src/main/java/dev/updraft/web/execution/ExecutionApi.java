package dev.updraft.web.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.web.execution.ExecutionBodies.Message;
import dev.updraft.web.execution.ExecutionBodies.TiEnterRunning;
import dev.updraft.web.execution.ExecutionBodies.TiHeartbeat;
import dev.updraft.web.execution.ExecutionBodies.TiStateUpdate;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.UUID;

/**
 * Mounts Airflow 3's Task Execution API under {@value #PREFIX}. Handlers only authenticate, read
 * the body and delegate to a service; errors become FastAPI-shaped {@code {"detail": …}} bodies.
 */
public final class ExecutionApi {
  /** Where Airflow serves the API. */
  public static final String PREFIX = "/execution";

  private final TaskTokenAuth auth;
  private final ExecutionJson json;
  private final TaskInstanceService taskInstances;
  private final XComService xcoms;
  private final VariableService variables;

  private ExecutionApi(ExecutionApiDependencies deps, ExecutionJson json) {
    this.auth = new TaskTokenAuth(deps.tokens());
    this.json = json;
    this.taskInstances =
        new TaskInstanceService(
            deps.taskInstances(),
            deps.dagRuns(),
            deps.xcoms(),
            deps.heartbeats(),
            json,
            deps.clock());
    this.xcoms = new XComService(deps.xcoms(), json);
    this.variables = new VariableService(deps.variables());
  }

  /** A Javalin server (not started) serving only this API. */
  public static Javalin create(ExecutionApiDependencies deps) {
    ExecutionJson json = new ExecutionJson();
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json.mapper(), false));
            });
    register(app, deps, json);
    return app;
  }

  /** Adds the API's routes to {@code app}; its responses do not depend on app's JSON mapper. */
  public static void register(Javalin app, ExecutionApiDependencies deps) {
    register(app, deps, new ExecutionJson());
  }

  private static void register(Javalin app, ExecutionApiDependencies deps, ExecutionJson json) {
    ExecutionApi api = new ExecutionApi(deps, json);
    String ti = PREFIX + "/task-instances/{task_instance_id}";
    String xcom = PREFIX + "/xcoms/{dag_id}/{run_id}/{task_id}/{key}";
    app.patch(ti + "/run", api::run);
    app.patch(ti + "/state", api::updateState);
    app.put(ti + "/heartbeat", api::heartbeat);
    app.get(xcom, api::getXCom);
    app.post(xcom, api::setXCom);
    app.get(PREFIX + "/variables/{variable_key}", api::getVariable);
    app.exception(
        ApiException.class,
        (e, ctx) -> json.respond(ctx, e.status(), Map.of("detail", e.detail())));
  }

  private void run(Context ctx) {
    UUID id = auth.requireOwnTaskInstance(ctx);
    var body = json.read(ctx, TiEnterRunning.class, TiEnterRunning.REQUIRED);
    json.respond(ctx, 200, taskInstances.run(id, body));
  }

  private void updateState(Context ctx) {
    UUID id = auth.requireOwnTaskInstance(ctx);
    taskInstances.updateState(id, json.read(ctx, TiStateUpdate.class, TiStateUpdate.REQUIRED));
    ctx.status(204);
  }

  private void heartbeat(Context ctx) {
    UUID id = auth.requireOwnTaskInstance(ctx);
    taskInstances.heartbeat(id, json.read(ctx, TiHeartbeat.class, TiHeartbeat.REQUIRED));
    ctx.status(204);
  }

  private void getXCom(Context ctx) {
    auth.caller(ctx);
    XComPath at = XComPath.of(ctx);
    json.respond(ctx, 200, xcoms.get(at.dagId(), at.runId(), at.taskId(), at.mapIndex(), at.key()));
  }

  private void setXCom(Context ctx) {
    auth.caller(ctx);
    XComPath at = XComPath.of(ctx);
    JsonNode value = json.readTree(ctx);
    xcoms.set(at.dagId(), at.runId(), at.taskId(), at.mapIndex(), at.key(), value);
    json.respond(ctx, 201, new Message("XCom successfully set"));
  }

  private void getVariable(Context ctx) {
    auth.caller(ctx);
    json.respond(ctx, 200, variables.get(ctx.pathParam("variable_key")));
  }
}
