package dev.updraft.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Packages compiled DAG factories into a jar with the services file that lists them, as the SDK's
 * annotation processor and a jar build would.
 */
final class DagJarWriter {
  static final String SERVICES_ENTRY = "META-INF/services/dev.updraft.sdk.DagFactory";

  private DagJarWriter() {}

  /** Writes {@code jar} holding the classes {@code classNames} from {@code classDir}. */
  static void write(Path jar, Path classDir, List<String> classNames) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String className : classNames) {
        String entry = className.replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        Files.copy(classDir.resolve(entry), out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICES_ENTRY));
      out.write((String.join("\n", classNames) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
