package dev.updraft.web.api.internal.dags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What {@code GET /dagSources} shows for a Java DAG. Airflow shows the Python file; an Updraft DAG
 * is compiled code in a jar or class folder, so this looks there for a {@code .java} file that
 * names the DAG's id in quotes (sources packaged beside the classes, as a sources jar would) and
 * shows it. Without one it says plainly what the DAG is and where it was loaded from, rather than
 * inventing source.
 */
final class DagSourceText {
  /** Larger files are not read: a DAG's source is small, and this keeps a request cheap. */
  private static final long MAX_SOURCE_BYTES = 1 << 20;

  private static final int MAX_FILES = 5_000;

  private DagSourceText() {}

  static String of(String dagId, String fileloc) {
    Optional<String> source = Optional.empty();
    if (fileloc != null && !fileloc.isEmpty()) {
      Path path = Path.of(fileloc);
      try {
        if (Files.isDirectory(path)) {
          source = fromFolder(path, dagId);
        } else if (Files.isRegularFile(path)) {
          source = fromJar(path, dagId);
        }
      } catch (IOException | RuntimeException e) {
        source = Optional.empty();
      }
    }
    return source.orElseGet(() -> note(dagId, fileloc));
  }

  private static String note(String dagId, String fileloc) {
    return "// DAG '"
        + dagId
        + "' is a compiled Java DAG loaded from "
        + (fileloc == null || fileloc.isEmpty() ? "a registered factory" : fileloc)
        + ".\n// No .java source naming it is packaged beside its classes, so none can be shown.\n";
  }

  private static Optional<String> fromJar(Path jar, String dagId) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      int seen = 0;
      while (entries.hasMoreElements() && seen < MAX_FILES) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
          continue;
        }
        seen++;
        if (entry.getSize() > MAX_SOURCE_BYTES) {
          continue;
        }
        try (InputStream in = file.getInputStream(entry)) {
          String text = new String(in.readNBytes((int) MAX_SOURCE_BYTES), StandardCharsets.UTF_8);
          if (names(text, dagId)) {
            return Optional.of(text);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fromFolder(Path folder, String dagId) throws IOException {
    try (Stream<Path> files = Files.walk(folder, 16)) {
      for (Path file :
          files
              .filter(p -> p.getFileName().toString().endsWith(".java"))
              .filter(Files::isRegularFile)
              .limit(MAX_FILES)
              .toList()) {
        if (Files.size(file) > MAX_SOURCE_BYTES) {
          continue;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (names(text, dagId)) {
          return Optional.of(text);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean names(String text, String dagId) {
    return text.contains("\"" + dagId + "\"");
  }
}
