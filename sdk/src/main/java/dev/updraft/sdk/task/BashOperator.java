package dev.updraft.sdk.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a shell command with {@code bash -c} (Airflow's {@code BashOperator}). The command, the
 * working directory and each environment value are Jinja templates. Output goes to the task's log;
 * the last line is pushed as the return-value XCom. Exit code 0 succeeds, a code in {@link
 * #skipOnExitCode(int...)} (99 by default) skips, any other fails.
 */
public final class BashOperator implements Operator {
  private static final String ENV_FIELD_PREFIX = "env.";

  private final String command;
  private final Map<String, String> env;
  private final boolean appendEnv;
  private final String cwd;
  private final Set<Integer> skipOnExitCodes;
  private final boolean doXcomPush;

  private BashOperator(
      String command,
      Map<String, String> env,
      boolean appendEnv,
      String cwd,
      Set<Integer> skipOnExitCodes,
      boolean doXcomPush) {
    this.command = Objects.requireNonNull(command, "command");
    this.env = env;
    this.appendEnv = appendEnv;
    this.cwd = cwd;
    this.skipOnExitCodes = skipOnExitCodes;
    this.doXcomPush = doXcomPush;
  }

  /** Runs {@code command}, a Jinja template. */
  public static BashOperator of(String command) {
    return new BashOperator(command, null, false, null, Set.of(99), true);
  }

  /**
   * Runs with exactly these environment variables (templated values), unless {@link
   * #appendEnv(boolean)} adds them to the inherited environment instead.
   */
  public BashOperator env(Map<String, String> variables) {
    return new BashOperator(
        command,
        Collections.unmodifiableMap(new LinkedHashMap<>(variables)),
        appendEnv,
        cwd,
        skipOnExitCodes,
        doXcomPush);
  }

  /** Adds {@link #env(Map)} to the inherited environment instead of replacing it. */
  public BashOperator appendEnv(boolean append) {
    return new BashOperator(command, env, append, cwd, skipOnExitCodes, doXcomPush);
  }

  /** Runs in this directory (a template); a temporary directory by default. */
  public BashOperator cwd(String directory) {
    return new BashOperator(command, env, appendEnv, directory, skipOnExitCodes, doXcomPush);
  }

  /** Exit codes that end the try as skipped rather than failed. */
  public BashOperator skipOnExitCode(int... codes) {
    Set<Integer> set = new LinkedHashSet<>();
    Arrays.stream(codes).forEach(set::add);
    return new BashOperator(command, env, appendEnv, cwd, Set.copyOf(set), doXcomPush);
  }

  /** Whether the last output line is pushed as the return-value XCom (yes by default). */
  public BashOperator doXcomPush(boolean push) {
    return new BashOperator(command, env, appendEnv, cwd, skipOnExitCodes, push);
  }

  /** The command as written. */
  public String command() {
    return command;
  }

  @Override
  public Map<String, String> templateFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("bash_command", command);
    if (cwd != null) {
      fields.put("cwd", cwd);
    }
    if (env != null) {
      env.forEach((name, value) -> fields.put(ENV_FIELD_PREFIX + name, value));
    }
    return fields;
  }

  @Override
  public OperatorResult execute(OperatorContext context) throws Exception {
    Map<String, String> rendered = context.renderedFields();
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", rendered.get("bash_command"));
    builder.redirectErrorStream(true);
    String directory = rendered.get("cwd");
    Path workDir =
        directory != null
            ? Path.of(directory)
            : java.nio.file.Files.createTempDirectory("updraft-bash-");
    builder.directory(workDir.toFile());
    Map<String, String> environment = builder.environment();
    if (env != null && !appendEnv) {
      environment.clear();
    }
    rendered.forEach(
        (field, value) -> {
          if (field.startsWith(ENV_FIELD_PREFIX)) {
            environment.put(field.substring(ENV_FIELD_PREFIX.length()), value);
          }
        });
    environment.putAll(contextVariables(context));
    context.log().println("Running command: " + rendered.get("bash_command"));
    Process process = builder.start();
    AtomicReference<String> lastLine = new AtomicReference<>();
    Thread pump = Thread.ofVirtual().start(() -> copyOutput(process, context, lastLine));
    int exitCode;
    try {
      exitCode = process.waitFor();
      pump.join();
    } catch (InterruptedException e) {
      // Timed out or cancelled: stop the whole process tree, not only bash.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    } finally {
      if (directory == null) {
        deleteQuietly(workDir);
      }
    }
    context.log().println("Command exited with return code " + exitCode);
    if (skipOnExitCodes.contains(exitCode)) {
      return new OperatorResult.Skipped("bash command exited with " + exitCode);
    }
    if (exitCode != 0) {
      throw new IllegalStateException(
          "Bash command failed. The command returned a non-zero exit code " + exitCode + ".");
    }
    return OperatorResult.success(doXcomPush ? lastLine.get() : null);
  }

  /** The variables Airflow sets for a task's subprocesses, under Airflow's names. */
  private static Map<String, String> contextVariables(OperatorContext context) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("AIRFLOW_CTX_DAG_ID", context.dagId());
    variables.put("AIRFLOW_CTX_TASK_ID", context.taskId());
    variables.put("AIRFLOW_CTX_DAG_RUN_ID", context.runId());
    // Airflow 3 allows manual runs without a logical date; the variable is then empty.
    variables.put(
        "AIRFLOW_CTX_LOGICAL_DATE",
        context.logicalDate() == null ? "" : context.logicalDate().toString());
    variables.put("AIRFLOW_CTX_TRY_NUMBER", Integer.toString(context.tryNumber()));
    return variables;
  }

  private static void copyOutput(
      Process process, OperatorContext context, AtomicReference<String> lastLine) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        context.log().println(line);
        lastLine.set(line);
      }
    } catch (IOException e) {
      context.log().println("output of the command could not be read: " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path directory) {
    try (var paths = java.nio.file.Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  @Override
  public String toString() {
    return "BashOperator(" + command + ")";
  }
}
