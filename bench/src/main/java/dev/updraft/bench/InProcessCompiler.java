package dev.updraft.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources with the running JDK's compiler against the running JVM's class path. */
final class InProcessCompiler {
  private InProcessCompiler() {}

  /**
   * Writes {@code sources} (binary class name to source) under {@code sourceDir} and compiles them
   * into {@code classDir} in one compiler run.
   */
  static void compile(Map<String, String> sources, Path sourceDir, Path classDir)
      throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler: run the benchmark on a JDK, not a JRE");
    }
    List<String> args = new ArrayList<>();
    // No annotation processing: the benchmark writes the services files itself.
    args.addAll(List.of("-proc:none", "-nowarn", "-g:none"));
    args.addAll(List.of("-classpath", System.getProperty("java.class.path")));
    args.addAll(List.of("-d", Files.createDirectories(classDir).toString()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    if (compiler.run(null, diagnostics, diagnostics, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException(
          "generated DAGs did not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }
  }
}
