package dev.updraft.web.api.internal.taskinstances;

import dev.updraft.metadata.state.TaskInstanceHistoryRecord;
import dev.updraft.metadata.state.TaskInstanceRecord;
import dev.updraft.metadata.state.TaskInstanceRepository;
import dev.updraft.scheduler.logs.TryLogPaths;
import dev.updraft.sdk.TaskState;
import dev.updraft.web.api.internal.ApiContext;
import dev.updraft.web.api.internal.ApiException;
import dev.updraft.web.api.internal.QueryParams;
import dev.updraft.web.api.internal.ValidationErrors;
import dev.updraft.web.auth.Permission;
import dev.updraft.web.server.internal.JsonResponses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET …/taskInstances/{task_id}/logs/{try_number}}: a try's log file (where the executors
 * write it, {@link TryLogPaths}) as Airflow's structured messages: JSON pages with a signed
 * continuation token, or ndjson that follows a running try until it ends.
 */
public final class TaskLogRoutes {
  /** Lines per JSON page without {@code full_content}; the token goes on from there. */
  static final int PAGE_LINES = 1000;

  /** As Airflow: a try's log may still grow only while it runs or is deferred. */
  private static final Set<TaskState> LIVE = Set.of(TaskState.RUNNING, TaskState.DEFERRED);

  private static final long FOLLOW_POLL_MILLIS = 200;

  private final ApiContext context;
  private final TaskInstanceRepository instances;
  private final TryLogPaths paths;
  private final LogTokens tokens = new LogTokens();

  public TaskLogRoutes(ApiContext context) {
    this.context = context;
    this.instances = new TaskInstanceRepository(context.db(), context.clock());
    this.paths = new TryLogPaths(context.logsRoot());
  }

  public void register(Javalin app) {
    app.get(TaskInstanceRoutes.PATH + "/{task_id}/logs/{try_number}", this::log);
  }

  private void log(Context ctx) throws IOException {
    context.auth().require(ctx, Permission.READ);
    ValidationErrors errors = new ValidationErrors();
    Integer tryNumber = tryNumber(ctx, errors);
    Boolean fullContent = QueryParams.bool(ctx, "full_content", errors);
    Integer mapIndex =
        QueryParams.integer(
            ctx, "map_index", TaskInstanceRecord.NOT_MAPPED, Integer.MIN_VALUE, errors);
    errors.throwIfAny();
    String accept = ctx.header("Accept");
    boolean ndjson = accept != null && accept.contains("application/x-ndjson");
    long start = 0;
    String token = ctx.queryParam("token");
    if (token != null && !token.isEmpty()) {
      start = tokens.decode(token);
      if (start < 0) {
        throw new ApiException(
            400, "Bad Signature. Please use only the tokens provided by the API.");
      }
    }
    if (Boolean.TRUE.equals(fullContent)) {
      start = 0;
    }
    String dagId = ctx.pathParam("dag_id");
    String runId = ctx.pathParam("dag_run_id");
    String taskId = ctx.pathParam("task_id");
    TaskInstanceRecord ti =
        instances
            .find(dagId, runId, taskId, mapIndex)
            .filter(found -> found.tryNumber() == tryNumber || hasTry(found, tryNumber))
            .orElseThrow(() -> new ApiException(404, "TaskInstance not found"));
    if (tryNumber < 1) {
      // An instance that never ran has try 0, which Airflow's reader answers with this line.
      Map<String, Object> invalid = new LinkedHashMap<>();
      invalid.put("event", "Error fetching the logs. Try number " + tryNumber + " is invalid.");
      invalid.put("level", "error");
      respondOrStream(ctx, ndjson, List.of(invalid));
      return;
    }
    Path file;
    try {
      file = paths.logFile(dagId, runId, taskId, mapIndex, tryNumber);
    } catch (IllegalArgumentException e) {
      // A path component that could leave the logs root names no task instance Updraft logs.
      throw new ApiException(404, "TaskInstance not found");
    }
    if (ndjson) {
      stream(ctx, ti, tryNumber, file, start);
      return;
    }
    List<String> lines = lines(file);
    List<Map<String, Object>> content = new ArrayList<>();
    if (start == 0) {
      content.addAll(header(lines != null, dagId, runId, taskId, mapIndex, tryNumber));
    }
    if (lines == null) {
      content.add(missing(dagId, runId, taskId, mapIndex, tryNumber));
      lines = List.of();
    }
    long end =
        Boolean.TRUE.equals(fullContent)
            ? lines.size()
            : Math.min(lines.size(), start + PAGE_LINES);
    for (long i = start; i < end; i++) {
      content.add(LogLines.message(lines.get((int) i)));
    }
    boolean more = end < lines.size() || running(ti.id(), tryNumber);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", content);
    body.put("continuation_token", more ? tokens.encode(end) : null);
    JsonResponses.respond(ctx, 200, body);
  }

  private static Integer tryNumber(Context ctx, ValidationErrors errors) {
    String raw = ctx.pathParam("try_number");
    try {
      int value = Integer.parseInt(raw);
      if (value < 0) {
        errors.add(
            "greater_than_equal",
            List.of("path", "try_number"),
            "Input should be greater than or equal to 0",
            raw,
            Map.of("ge", 0));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(
          "int_parsing",
          List.of("path", "try_number"),
          "Input should be a valid integer, unable to parse string as an integer",
          raw);
      return null;
    }
  }

  private boolean hasTry(TaskInstanceRecord ti, int tryNumber) {
    if (tryNumber < 1) {
      return false;
    }
    return ti.tryNumber() == tryNumber
        || instances.history(ti.id()).stream()
            .map(TaskInstanceHistoryRecord::attempt)
            .anyMatch(t -> t.tryNumber() == tryNumber);
  }

  private boolean running(java.util.UUID id, int tryNumber) {
    Optional<TaskInstanceRecord> now = instances.find(id);
    return now.isPresent()
        && now.get().tryNumber() == tryNumber
        && now.get().state() != null
        && LIVE.contains(now.get().state());
  }

  /** The file's lines, or {@code null} when there is no file (yet). */
  private static List<String> lines(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(text.lines().toList());
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Only the complete lines (a running try may be mid-line). */
  private static List<String> completeLines(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      int last = text.lastIndexOf('\n');
      return last < 0 ? List.of() : text.substring(0, last).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void respondOrStream(Context ctx, boolean ndjson, List<Map<String, Object>> content)
      throws IOException {
    if (ndjson) {
      ctx.status(200).contentType("application/x-ndjson");
      OutputStream out = ctx.outputStream();
      for (Map<String, Object> message : content) {
        write(out, message);
      }
      out.flush();
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", content);
    body.put("continuation_token", null);
    JsonResponses.respond(ctx, 200, body);
  }

  /**
   * Airflow's first two messages of a read: the sources, folded in a group. Updraft names the file
   * relative to the logs root, so no server path leaks.
   */
  private static List<Map<String, Object>> header(
      boolean found, String dagId, String runId, String taskId, int mapIndex, int tryNumber) {
    Map<String, Object> open = new LinkedHashMap<>();
    open.put("event", "::group::Log message source details");
    open.put(
        "sources",
        found
            ? List.of(TryLogPaths.relativePath(dagId, runId, taskId, mapIndex, tryNumber))
            : List.of());
    return List.of(open, Map.of("event", "::endgroup::"));
  }

  private static Map<String, Object> missing(
      String dagId, String runId, String taskId, int mapIndex, int tryNumber) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put(
        "event",
        "*** Log file does not exist: "
            + TryLogPaths.relativePath(dagId, runId, taskId, mapIndex, tryNumber));
    message.put("level", "error");
    return message;
  }

  private void stream(Context ctx, TaskInstanceRecord ti, int tryNumber, Path file, long start)
      throws IOException {
    ctx.status(200).contentType("application/x-ndjson");
    // The servlet's own stream: Javalin's wrapper may hold writes back until the handler ends,
    // and a follower must see each line as it comes.
    OutputStream out = ctx.res().getOutputStream();
    long sent = start;
    boolean exists = Files.isRegularFile(file);
    if (start == 0) {
      for (Map<String, Object> message :
          header(exists, ti.dagId(), ti.runId(), ti.taskId(), ti.mapIndex(), tryNumber)) {
        write(out, message);
      }
    }
    if (!exists && !running(ti.id(), tryNumber)) {
      write(out, missing(ti.dagId(), ti.runId(), ti.taskId(), ti.mapIndex(), tryNumber));
      out.flush();
      return;
    }
    while (true) {
      boolean live = running(ti.id(), tryNumber);
      // Read after checking: once the try has ended, this read sees all it wrote.
      List<String> lines =
          live ? completeLines(file) : Optional.ofNullable(lines(file)).orElse(List.of());
      for (long i = sent; i < lines.size(); i++) {
        write(out, LogLines.message(lines.get((int) i)));
      }
      sent = Math.max(sent, lines.size());
      out.flush();
      if (!live) {
        return;
      }
      try {
        Thread.sleep(FOLLOW_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void write(OutputStream out, Map<String, Object> message) throws IOException {
    out.write(JsonResponses.mapper().writeValueAsBytes(message));
    out.write('\n');
  }
}
