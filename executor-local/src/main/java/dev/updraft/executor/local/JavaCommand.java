package dev.updraft.executor.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM: {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}.
 *
 * @param javaBinary the {@code java} executable
 * @param jvmOptions options placed before the main class
 * @param classpath classpath entries; {@code -cp} is omitted when empty
 * @param mainClass the fully qualified main class
 * @param args program arguments
 */
public record JavaCommand(
    Path javaBinary,
    List<String> jvmOptions,
    List<Path> classpath,
    String mainClass,
    List<String> args) {

  /** Options that cut startup time and footprint of short-lived task runners. */
  public static final List<String> FAST_STARTUP_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  public JavaCommand {
    Objects.requireNonNull(javaBinary, "javaBinary");
    jvmOptions = List.copyOf(jvmOptions);
    classpath = List.copyOf(classpath);
    if (mainClass == null || mainClass.isBlank()) {
      throw new IllegalArgumentException("mainClass must not be blank");
    }
    args = List.copyOf(args);
  }

  /** Runs {@code mainClass} on the running JVM's java binary with {@link #FAST_STARTUP_OPTIONS}. */
  public static JavaCommand of(String mainClass) {
    return new JavaCommand(
        currentJavaBinary(), FAST_STARTUP_OPTIONS, List.of(), mainClass, List.of());
  }

  public JavaCommand withJvmOptions(List<String> options) {
    return new JavaCommand(javaBinary, options, classpath, mainClass, args);
  }

  public JavaCommand withClasspath(List<Path> entries) {
    return new JavaCommand(javaBinary, jvmOptions, entries, mainClass, args);
  }

  public JavaCommand withArgs(String... arguments) {
    return new JavaCommand(javaBinary, jvmOptions, classpath, mainClass, Arrays.asList(arguments));
  }

  /** The command line, ready for {@link ProcessSpec#command()}. */
  public List<String> toCommand() {
    List<String> command = new ArrayList<>();
    command.add(javaBinary.toString());
    command.addAll(jvmOptions);
    if (!classpath.isEmpty()) {
      command.add("-cp");
      command.add(
          classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * The java binary of the running JVM: the process's own command when the OS reports it, else
   * {@code java.home/bin/java}.
   */
  public static Path currentJavaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .map(Path::of)
        .filter(Files::isExecutable)
        .orElseGet(
            () -> {
              boolean windows = System.getProperty("os.name", "").startsWith("Windows");
              return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
            });
  }
}
