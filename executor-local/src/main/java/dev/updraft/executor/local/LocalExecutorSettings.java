package dev.updraft.executor.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the local executor runs its runner JVMs.
 *
 * @param poolSize how many runner JVMs are kept warm, which is also how many tries run at once
 * @param javaBinary the {@code java} to start them with
 * @param jvmOptions options of each runner JVM
 * @param classpath the runners' class path (see {@link RunnerClasspath})
 * @param heartbeatInterval how often a runner heartbeats while a try runs
 * @param timeoutGrace how long past its execution timeout a try may take before its runner is
 *     killed (the runner fails the try itself at the timeout, and should report within this)
 * @param stopGrace how long a stopped runner has between SIGTERM and SIGKILL
 */
public record LocalExecutorSettings(
    int poolSize,
    Path javaBinary,
    List<String> jvmOptions,
    List<Path> classpath,
    Duration heartbeatInterval,
    Duration timeoutGrace,
    Duration stopGrace) {

  public LocalExecutorSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    Objects.requireNonNull(javaBinary, "javaBinary");
    jvmOptions = List.copyOf(jvmOptions);
    classpath = List.copyOf(classpath);
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(timeoutGrace, "timeoutGrace");
    Objects.requireNonNull(stopGrace, "stopGrace");
  }

  /**
   * Four warm runners on this JVM's {@code java} with {@link JavaCommand#FAST_STARTUP_OPTIONS}, the
   * {@link RunnerClasspath#detect() detected} class path, 5 s heartbeats, 5 s grace periods.
   */
  public static LocalExecutorSettings defaults() {
    return new LocalExecutorSettings(
        4,
        JavaCommand.currentJavaBinary(),
        JavaCommand.FAST_STARTUP_OPTIONS,
        RunnerClasspath.detect(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        ProcessSpec.DEFAULT_GRACE_PERIOD);
  }

  public LocalExecutorSettings withPoolSize(int size) {
    return new LocalExecutorSettings(
        size, javaBinary, jvmOptions, classpath, heartbeatInterval, timeoutGrace, stopGrace);
  }

  public LocalExecutorSettings withClasspath(List<Path> entries) {
    return new LocalExecutorSettings(
        poolSize, javaBinary, jvmOptions, entries, heartbeatInterval, timeoutGrace, stopGrace);
  }

  public LocalExecutorSettings withJvmOptions(List<String> options) {
    return new LocalExecutorSettings(
        poolSize, javaBinary, options, classpath, heartbeatInterval, timeoutGrace, stopGrace);
  }

  public LocalExecutorSettings withHeartbeatInterval(Duration interval) {
    return new LocalExecutorSettings(
        poolSize, javaBinary, jvmOptions, classpath, interval, timeoutGrace, stopGrace);
  }

  public LocalExecutorSettings withGraces(Duration timeout, Duration stop) {
    return new LocalExecutorSettings(
        poolSize, javaBinary, jvmOptions, classpath, heartbeatInterval, timeout, stop);
  }
}
