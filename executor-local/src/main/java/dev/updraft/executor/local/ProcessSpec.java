package dev.updraft.executor.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run and how to supervise it.
 *
 * @param command the program and its arguments; not empty
 * @param workingDir the working directory, or {@code null} to inherit this JVM's
 * @param environment variables added to (or overriding) this JVM's environment
 * @param logFile where stdout and stderr are appended; created with its parent folders
 * @param timeout how long the process may run before its tree is stopped
 * @param gracePeriod how long to wait after SIGTERM before SIGKILL; defaults to 5 s
 */
public record ProcessSpec(
    List<String> command,
    Path workingDir,
    Map<String, String> environment,
    Path logFile,
    Optional<Duration> timeout,
    Duration gracePeriod) {

  /** The grace period used when none is given. */
  public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(5);

  public ProcessSpec {
    command = List.copyOf(Objects.requireNonNull(command, "command"));
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command must not be empty");
    }
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    Objects.requireNonNull(logFile, "logFile");
    timeout = timeout == null ? Optional.empty() : timeout;
    timeout.ifPresent(t -> requirePositive("timeout", t));
    gracePeriod = gracePeriod == null ? DEFAULT_GRACE_PERIOD : gracePeriod;
    if (gracePeriod.isNegative()) {
      throw new IllegalArgumentException("gracePeriod must not be negative: " + gracePeriod);
    }
  }

  /** A spec with no timeout, the default grace period, inherited directory and environment. */
  public static ProcessSpec of(List<String> command, Path logFile) {
    return new ProcessSpec(command, null, Map.of(), logFile, Optional.empty(), null);
  }

  public ProcessSpec withWorkingDir(Path dir) {
    return new ProcessSpec(command, dir, environment, logFile, timeout, gracePeriod);
  }

  public ProcessSpec withEnvironment(Map<String, String> env) {
    return new ProcessSpec(command, workingDir, env, logFile, timeout, gracePeriod);
  }

  public ProcessSpec withTimeout(Duration limit) {
    return new ProcessSpec(
        command, workingDir, environment, logFile, Optional.of(limit), gracePeriod);
  }

  public ProcessSpec withGracePeriod(Duration grace) {
    return new ProcessSpec(command, workingDir, environment, logFile, timeout, grace);
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
