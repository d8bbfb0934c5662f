package dev.updraft.executor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One task runner JVM of the local executor's pool: takes assignments on its stdin, answers on its
 * stdout (the control channel), writes its own stderr to a runner log. Tries write to their own log
 * files, which the runner opens itself.
 */
final class RunnerProcess {
  /** The prefix of control lines, as {@code dev.updraft.runner.RunnerMain} writes them. */
  static final String CONTROL = "@updraft ";

  /** The runner's main class. */
  static final String MAIN_CLASS = "dev.updraft.runner.RunnerMain";

  /** The only environment variables a runner inherits: nothing that could carry a credential. */
  static final Set<String> INHERITED_ENV =
      Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME");

  /** What the executor hears from a runner. */
  interface Listener {
    void ready(RunnerProcess runner);

    void done(RunnerProcess runner, JsonNode event);

    void exited(RunnerProcess runner, int exitCode);
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long POLL_MILLIS = 20;

  private final Process process;
  private final List<String> command;
  private final OutputStream stdin;
  private final Thread reader;
  private volatile boolean ready;
  private volatile boolean stopping;

  private RunnerProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
    this.stdin = process.getOutputStream();
    this.reader = new Thread(this::readControl, "updraft-runner-" + process.pid());
  }

  /** Starts a runner; {@code listener} hears it become ready, finish tries and exit. */
  static RunnerProcess start(
      LocalExecutorSettings settings, String apiUrl, Path runnerLog, Listener listener)
      throws IOException {
    Files.createDirectories(runnerLog.toAbsolutePath().getParent());
    List<String> command =
        new JavaCommand(
                settings.javaBinary(),
                settings.jvmOptions(),
                settings.classpath(),
                MAIN_CLASS,
                List.of(apiUrl))
            .toCommand();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(Redirect.PIPE)
            .redirectOutput(Redirect.PIPE)
            .redirectError(Redirect.appendTo(runnerLog.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(INHERITED_ENV);
    RunnerProcess runner = new RunnerProcess(builder.start(), command);
    runner.listener = listener;
    runner.reader.setDaemon(true);
    runner.reader.start();
    runner.process.onExit().thenRun(runner::exited);
    return runner;
  }

  private Listener listener;

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The command line it was started with. */
  List<String> command() {
    return command;
  }

  boolean isReady() {
    return ready;
  }

  /** Sends one assignment line. */
  void assign(String jsonLine) throws IOException {
    synchronized (stdin) {
      stdin.write((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
  }

  /**
   * Stops the runner's process tree, tries and their children included: SIGTERM, then SIGKILL to
   * what is left after {@code grace}.
   */
  void stop(ScheduledExecutorService scheduler, Duration grace) {
    if (stopping) {
      return;
    }
    stopping = true;
    // Snapshot first: once the JVM is gone its children are reparented and lost to us.
    ProcessTree tree = ProcessTree.snapshot(process.toHandle());
    tree.terminate();
    long deadline = System.nanoTime() + grace.toNanos();
    scheduler.execute(() -> awaitTree(scheduler, tree, deadline));
  }

  private void awaitTree(ScheduledExecutorService scheduler, ProcessTree tree, long deadline) {
    if (!tree.anyRunning()) {
      return;
    }
    if (System.nanoTime() - deadline >= 0) {
      tree.killRemaining();
      return;
    }
    scheduler.schedule(
        () -> awaitTree(scheduler, tree, deadline), POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void readControl() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.startsWith(CONTROL)) {
          continue; // not ours: a library writing to the original stdout
        }
        JsonNode event;
        try {
          event = MAPPER.readTree(line.substring(CONTROL.length()));
        } catch (IOException e) {
          continue;
        }
        switch (event.path("event").asText()) {
          case "ready" -> {
            ready = true;
            listener.ready(this);
          }
          case "done" -> listener.done(this, event);
          default -> {}
        }
      }
    } catch (IOException e) {
      // The pipe closed: the process is ending, and exited() tells the listener.
    }
  }

  private void exited() {
    try {
      reader.join(1000); // a "done" written just before exiting is heard first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listener.exited(this, process.exitValue());
  }

  /** Closes its stdin, which ends an idle runner. */
  void closeInput() {
    try {
      stdin.close();
    } catch (IOException e) {
      // Already gone.
    }
  }
}
