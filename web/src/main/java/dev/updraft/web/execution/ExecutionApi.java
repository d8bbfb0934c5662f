package dev.updraft.web.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.updraft.metadata.state.SecretCipher;
import dev.updraft.web.execution.ArtifactBodies.BeginExecution;
import dev.updraft.web.execution.ArtifactBodies.FailExecution;
import dev.updraft.web.execution.ArtifactBodies.Outputs;
import dev.updraft.web.execution.ArtifactBodies.RegisterExternal;
import dev.updraft.web.execution.ExecutionBodies.Message;
import dev.updraft.web.execution.ExecutionBodies.TiEnterRunning;
import dev.updraft.web.execution.ExecutionBodies.TiHeartbeat;
import dev.updraft.web.execution.ExecutionBodies.TiSkippedDownstream;
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
  private final ArtifactService artifacts;
  private final ConnectionService connections;

  private ExecutionApi(ExecutionApiDependencies deps, ExecutionJson json) {
    this.auth = new TaskTokenAuth(deps.tokens());
    this.json = json;
    this.taskInstances =
        new TaskInstanceService(
            deps.taskInstances(), deps.dagRuns(), deps.xcoms(), json, deps.clock());
    this.xcoms = new XComService(deps.xcoms(), json);
    this.variables = new VariableService(deps.variables());
    this.connections = new ConnectionService(deps.connections());
    this.artifacts =
        new ArtifactService(deps.taskInstances(), deps.artifacts(), deps.artifactTypes());
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
    app.put(ti + "/rtif", api::renderedFields);
    app.patch(ti + "/skip-downstream", api::skipDownstream);
    app.get(xcom, api::getXCom);
    app.post(xcom, api::setXCom);
    app.get(PREFIX + "/variables/{variable_key}", api::getVariable);
    app.get(PREFIX + "/connections/{connection_id}", api::getConnection);
    String artifacts = PREFIX + "/artifacts";
    app.get(artifacts + "/root", api::artifactRoot);
    app.post(artifacts + "/executions", api::beginExecution);
    app.post(artifacts + "/executions/{execution_id}/publish", api::publishOutputs);
    app.post(artifacts + "/executions/{execution_id}/fail", api::failExecution);
    app.get(artifacts + "/outputs/{task_id}/{output_key}", api::outputsOf);
    app.get(artifacts + "/latest/{type_name}", api::latestArtifacts);
    app.post(artifacts + "/external", api::registerExternal);
    app.exception(
        ApiException.class,
        (e, ctx) -> json.respond(ctx, e.status(), Map.of("detail", e.detail())));
    app.exception(
        SecretCipher.MissingKeyException.class,
        (e, ctx) -> json.respond(ctx, 500, Map.of("detail", e.getMessage())));
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

  private void renderedFields(Context ctx) {
    UUID id = auth.requireOwnTaskInstance(ctx);
    JsonNode fields = json.readTree(ctx);
    if (!fields.isObject()) {
      throw ExecutionJson.invalidParameter("body", "rtif", "Input should be an object", null);
    }
    taskInstances.setRenderedFields(id, fields);
    json.respond(ctx, 201, new Message("Rendered task instance fields successfully set"));
  }

  private void skipDownstream(Context ctx) {
    UUID id = auth.requireOwnTaskInstance(ctx);
    var body = json.read(ctx, TiSkippedDownstream.class, TiSkippedDownstream.REQUIRED);
    taskInstances.skipDownstream(id, body.taskIds());
    ctx.status(204);
  }

  private void artifactRoot(Context ctx) {
    auth.caller(ctx);
    json.respond(ctx, 200, artifacts.root());
  }

  private void beginExecution(Context ctx) {
    UUID caller = auth.caller(ctx);
    var body = json.read(ctx, BeginExecution.class, BeginExecution.REQUIRED);
    json.respond(ctx, 201, artifacts.begin(caller, body));
  }

  private void publishOutputs(Context ctx) {
    UUID caller = auth.caller(ctx);
    var body = json.read(ctx, Outputs.class, Outputs.REQUIRED);
    json.respond(ctx, 200, artifacts.publish(caller, executionId(ctx), body));
  }

  private void failExecution(Context ctx) {
    UUID caller = auth.caller(ctx);
    var body = json.read(ctx, FailExecution.class);
    artifacts.fail(caller, executionId(ctx), body.reason());
    ctx.status(204);
  }

  private void outputsOf(Context ctx) {
    UUID caller = auth.caller(ctx);
    json.respond(
        ctx,
        200,
        artifacts.outputsOf(caller, ctx.pathParam("task_id"), ctx.pathParam("output_key")));
  }

  private void latestArtifacts(Context ctx) {
    UUID caller = auth.caller(ctx);
    String raw = ctx.queryParam("limit");
    int limit;
    try {
      limit = raw == null ? 1 : Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ExecutionJson.invalidParameter(
          "query", "limit", "Input should be a valid integer", raw);
    }
    json.respond(ctx, 200, artifacts.latest(caller, ctx.pathParam("type_name"), limit));
  }

  private void registerExternal(Context ctx) {
    UUID caller = auth.caller(ctx);
    var body = json.read(ctx, RegisterExternal.class, RegisterExternal.REQUIRED);
    json.respond(ctx, 201, artifacts.registerExternal(caller, body));
  }

  private static long executionId(Context ctx) {
    String raw = ctx.pathParam("execution_id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ExecutionJson.invalidParameter(
          "path", "execution_id", "Input should be a valid integer", raw);
    }
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

  private void getConnection(Context ctx) {
    auth.caller(ctx);
    json.respond(ctx, 200, connections.get(ctx.pathParam("connection_id")));
  }

  private void getVariable(Context ctx) {
    auth.caller(ctx);
    json.respond(ctx, 200, variables.get(ctx.pathParam("variable_key")));
  }
}
