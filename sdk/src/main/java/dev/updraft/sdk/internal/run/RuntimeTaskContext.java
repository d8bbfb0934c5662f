package dev.updraft.sdk.internal.run;

import dev.updraft.sdk.Connection;
import dev.updraft.sdk.Dag;
import dev.updraft.sdk.internal.Json;
import dev.updraft.sdk.internal.template.TemplateContexts;
import dev.updraft.sdk.internal.template.TemplateInputs;
import dev.updraft.sdk.internal.template.TemplateRenderer;
import dev.updraft.sdk.task.OperatorContext;
import java.io.PrintStream;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The context of one task try, backed by the run's stores. */
final class RuntimeTaskContext implements OperatorContext, ComponentRuntime {
  private final Dag dag;
  private final String taskId;
  private final RunInfo run;
  private final int tryNumber;
  private final int maxTries;
  private final XComStore xcoms;
  private final ArtifactStore artifacts;
  private final Secrets secrets;
  private final PrintStream log;
  private final Map<String, Object> templateContext;
  private Map<String, String> renderedFields = Map.of();

  RuntimeTaskContext(
      Dag dag,
      String taskId,
      RunInfo run,
      int tryNumber,
      int maxTries,
      XComStore xcoms,
      ArtifactStore artifacts,
      Secrets secrets,
      PrintStream log) {
    this.dag = dag;
    this.taskId = taskId;
    this.run = run;
    this.tryNumber = tryNumber;
    this.maxTries = maxTries;
    this.xcoms = xcoms;
    this.artifacts = artifacts;
    this.secrets = secrets;
    this.log = log;
    this.templateContext =
        TemplateContexts.withSecrets(
            TemplateContexts.forTry(
                new TemplateInputs(
                    dag.dagId(),
                    taskId,
                    run.runId(),
                    run.runType(),
                    run.logicalDate(),
                    run.dataIntervalStart(),
                    run.dataIntervalEnd(),
                    tryNumber,
                    maxTries,
                    run.params(),
                    run.conf(),
                    dag.owner())),
            secrets::variable,
            secrets::connection);
  }

  /** Renders the operator's templated fields; kept for the try's record. */
  Map<String, String> renderFields(Map<String, String> fields) {
    Map<String, String> rendered = new LinkedHashMap<>();
    fields.forEach((name, template) -> rendered.put(name, render(template)));
    renderedFields = Map.copyOf(rendered);
    return renderedFields;
  }

  @Override
  public String dagId() {
    return dag.dagId();
  }

  @Override
  public String taskId() {
    return taskId;
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public int tryNumber() {
    return tryNumber;
  }

  @Override
  public int maxTries() {
    return maxTries;
  }

  @Override
  public Instant logicalDate() {
    return run.logicalDate();
  }

  @Override
  public Instant dataIntervalStart() {
    return run.dataIntervalStart();
  }

  @Override
  public Instant dataIntervalEnd() {
    return run.dataIntervalEnd();
  }

  @Override
  public Map<String, Object> params() {
    return run.params();
  }

  @Override
  public Map<String, Object> conf() {
    return run.conf();
  }

  @Override
  public <T> Optional<T> xcomPull(String fromTaskId, String key, Class<T> type) {
    return xcomPull(fromTaskId, key, (Type) type).map(type::cast);
  }

  @Override
  public Optional<Object> xcomPull(String fromTaskId, String key, Type type) {
    return xcoms
        .pull(dag.dagId(), run.runId(), fromTaskId, key)
        .map(json -> Json.read(json, boxed(type)));
  }

  @Override
  public void xcomPush(String key, Object value) {
    xcoms.push(dag.dagId(), run.runId(), taskId, key, Json.write(value));
  }

  @Override
  public Optional<String> variable(String key) {
    return secrets.variable(key);
  }

  @Override
  public <T> Optional<T> variable(String key, Class<T> type) {
    return secrets
        .variable(key)
        .map(
            json -> {
              try {
                return type.cast(Json.read(json, boxed(type)));
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                    "Variable " + key + " is not valid JSON for " + type.getName(), e);
              }
            });
  }

  @Override
  public Optional<Connection> connection(String connId) {
    return secrets.connection(connId);
  }

  @Override
  public String render(String template) {
    return TemplateRenderer.render(template, templateContext);
  }

  @Override
  public PrintStream log() {
    return log;
  }

  @Override
  public Map<String, Object> templateContext() {
    return templateContext;
  }

  @Override
  public Map<String, String> renderedFields() {
    return renderedFields;
  }

  @Override
  public ArtifactStore artifactStore() {
    return artifacts;
  }

  private static Type boxed(Type type) {
    if (type instanceof Class<?> clazz && clazz.isPrimitive()) {
      return java.lang.invoke.MethodType.methodType(clazz).wrap().returnType();
    }
    return type;
  }
}
