package dev.updraft.scheduler.dagbag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real DAG sources for tests: compiles Java sources against the test class path, writes the
 * {@code DagFactory} services file (the annotation processor is not run) and packages the classes
 * as a jar or leaves them as a class folder.
 */
public final class DagArtifacts {
  private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

  private final Path workDir;
  private int builds;

  /**
   * @param workDir where sources and classes are written; jars and folders go where asked
   */
  public DagArtifacts(Path workDir) {
    this.workDir = workDir;
  }

  /** A factory with tasks {@code a >> b} and the given DAG id. */
  public static String factory(String className, String dagId) {
    return factory(className, dagId, "dag.bash(\"a\", \"echo a\").then(dag.empty(\"b\"));");
  }

  /**
   * A public {@code DagFactory} in the package of {@code className} whose {@code create()} builds
   * DAG {@code dagId} with {@code body}, which may use {@code dag}, a {@code DagBuilder}.
   */
  public static String factory(String className, String dagId, String body) {
    int dot = className.lastIndexOf('.');
    return (dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n")
        + "import dev.updraft.sdk.*;\n"
        + "@DagDefinition\n"
        + "public class "
        + className.substring(dot + 1)
        + " implements DagFactory {\n"
        + "  @Override public Dag create() {\n"
        + "    DagBuilder dag = Dag.builder(\""
        + dagId
        + "\").schedule(\"@daily\").startDate(\"2024-01-01\");\n"
        + "    "
        + body
        + "\n"
        + "    return dag.build();\n"
        + "  }\n"
        + "}\n";
  }

  /** Compiles {@code sources} (binary class name to source) into a jar at {@code jar}. */
  public Path jar(Path jar, Map<String, String> sources, List<String> serviceEntries) {
    Path classes = compile(sources, serviceEntries);
    try {
      Files.createDirectories(jar.getParent());
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file);
          Stream<Path> files = Files.walk(classes)) {
        for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
          Files.copy(path, out);
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** Compiles {@code sources} into a class folder at {@code folder}. */
  public Path classFolder(Path folder, Map<String, String> sources, List<String> serviceEntries) {
    Path classes = compile(sources, serviceEntries);
    try {
      Files.createDirectories(folder.getParent());
      Files.move(classes, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  /** Compiles into a fresh folder of classes plus the services file, if any entry is given. */
  private Path compile(Map<String, String> sources, List<String> serviceEntries) {
    try {
      Path build = workDir.resolve("build-" + builds++);
      Path src = Files.createDirectories(build.resolve("src"));
      Path classes = Files.createDirectories(build.resolve("classes"));
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-proc:none",
                  "-nowarn",
                  "-classpath",
                  System.getProperty("java.class.path"),
                  "-d",
                  classes.toString()));
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        args.add(file.toString());
      }
      ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
      if (COMPILER.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
        throw new AssertionError(
            "compilation failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
      }
      if (!serviceEntries.isEmpty()) {
        Path services = classes.resolve(DagSource.SERVICES_ENTRY);
        Files.createDirectories(services.getParent());
        Files.writeString(
            services, String.join("\n", serviceEntries) + "\n", StandardCharsets.UTF_8);
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
