package dev.updraft.executor.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Starts processes with their output in a log file and stops their process trees on timeout or
 * cancellation. One daemon scheduler thread serves timeouts and grace periods of all processes.
 */
public final class ProcessSupervisor implements AutoCloseable {

  /**
   * Holds the command until the start line is written (stdin is closed right after), so that {@code
   * [updraft] started pid N} is the first line even for fast commands. {@code exec} keeps the pid.
   */
  private static final String GATE_SCRIPT = "read -r _gate; exec \"$@\"";

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "updraft-process-supervisor");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Starts the spec's command with stdout and stderr appended to its log file.
   *
   * @throws IOException if the log file cannot be created or the process cannot be started
   */
  public SupervisedProcess start(ProcessSpec spec) throws IOException {
    Path logFile = spec.logFile().toAbsolutePath();
    Path parent = logFile.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", GATE_SCRIPT, "updraft"));
    command.addAll(spec.command());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(Redirect.PIPE)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(logFile.toFile()));
    if (spec.workingDir() != null) {
      builder.directory(spec.workingDir().toFile());
    }
    builder.environment().putAll(spec.environment());

    long startNanos = System.nanoTime();
    Process process = builder.start();
    try {
      SupervisorLog.append(
          logFile,
          "[updraft] started pid " + process.pid() + ": " + String.join(" ", spec.command()));
      process.getOutputStream().close(); // opens the gate
    } catch (IOException e) {
      process.destroyForcibly();
      throw e;
    }
    SupervisedProcess supervised = new SupervisedProcess(process, spec, scheduler, startNanos);
    supervised.arm();
    return supervised;
  }

  /**
   * Stops the scheduler thread. Processes still running are left alone and their timeouts no longer
   * fire.
   */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
