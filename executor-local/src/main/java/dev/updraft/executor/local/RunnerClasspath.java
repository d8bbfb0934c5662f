package dev.updraft.executor.local;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The class path of task runner JVMs: it must hold {@code dev.updraft.runner.RunnerMain}, the SDK
 * and the SDK's dependencies, and nothing a DAG should get from its own source.
 */
public final class RunnerClasspath {
  /** A system property naming the runner class path explicitly ({@code :}-separated). */
  public static final String PROPERTY = "updraft.runner.classpath";

  private RunnerClasspath() {}

  /**
   * {@value #PROPERTY} if set, else this JVM's {@code java.class.path}. The packaged distribution
   * runs with {@code lib/*.jar}, which holds the runner, the SDK and its dependencies (and more,
   * harmlessly: the runner is given no database credentials to use them with); tests running from
   * the reactor get the module's test class path, which Surefire puts in {@code java.class.path}.
   */
  public static List<Path> detect() {
    String explicit = System.getProperty(PROPERTY);
    String path =
        explicit != null && !explicit.isBlank() ? explicit : System.getProperty("java.class.path");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }
}
