package dev.updraft.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles Java sources held in strings with {@link UpdraftProcessor}, into a directory. */
final class TestCompiler {
  static final String SERVICES_FILE = "META-INF/services/dev.updraft.sdk.DagFactory";
  private static final Pattern TYPE_NAME =
      Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");
  private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");

  private final Path outputDirectory;

  /** A compiler writing class files and resources under {@code outputDirectory}. */
  TestCompiler(Path outputDirectory) {
    this.outputDirectory = outputDirectory;
  }

  /** Compiles {@code sources}, each a whole compilation unit, with the test classpath. */
  Result compile(String... sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    for (String source : sources) {
      units.add(new StringSource(source));
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(outputDirectory));
      List<String> options =
          List.of("--release", "21", "-classpath", System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, options, null, units);
      task.setProcessors(List.of(new UpdraftProcessor()));
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics(), outputDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one compilation reported and wrote. */
  record Result(
      boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path output) {

    /** The messages of the errors, in the order reported. */
    List<String> errors() {
      return diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(null))
          .toList();
    }

    /** The lines of the generated DagFactory services file, if it was written. */
    Optional<List<String>> servicesFile() {
      Path file = output.resolve(SERVICES_FILE);
      try {
        return Files.exists(file) ? Optional.of(Files.readAllLines(file)) : Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A compilation unit held in memory, named after its package and first type. */
  private static final class StringSource extends SimpleJavaFileObject {
    private final String code;

    StringSource(String code) {
      super(URI.create("string:///" + path(code)), Kind.SOURCE);
      this.code = code;
    }

    private static String path(String code) {
      Matcher type = TYPE_NAME.matcher(code);
      if (!type.find()) {
        throw new IllegalArgumentException("no type in source: " + code);
      }
      Matcher pkg = PACKAGE.matcher(code);
      String prefix = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return prefix + type.group(1) + Kind.SOURCE.extension;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
