package dev.updraft.scheduler.dagbag;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Finds the DAG sources under a dags folder: jars and class folders (directories holding a {@code
 * DagFactory} services file). Other directories are searched for more; hidden entries are skipped.
 * Sources come sorted by path, so that which of two clashing DAGs wins does not depend on the file
 * system's listing order.
 */
public final class DagSourceScanner {
  private DagSourceScanner() {}

  /** The sources under {@code root}; none if it does not exist (as Airflow treats it). */
  static List<DagSource> scan(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return isJar(root) ? List.of(new DagSource(root)) : List.of();
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<DagSource> sources = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new Visitor(root, sources));
    sources.sort(null);
    return List.copyOf(sources);
  }

  /**
   * The paths of the DAG sources (jars and class folders) under {@code root}, sorted; none if it
   * does not exist. The DAG bag and the folder watcher share these rules.
   */
  public static List<Path> sourcePaths(Path root) throws IOException {
    return scan(root).stream().map(DagSource::path).toList();
  }

  static boolean isClassFolder(Path directory) {
    return Files.isRegularFile(directory.resolve(DagSource.SERVICES_ENTRY));
  }

  private static boolean isJar(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static final class Visitor extends SimpleFileVisitor<Path> {
    private final Path root;
    private final List<DagSource> sources;

    Visitor(Path root, List<DagSource> sources) {
      this.root = root;
      this.sources = sources;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(root) && isHidden(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (isClassFolder(dir)) {
        sources.add(new DagSource(dir));
        return FileVisitResult.SKIP_SUBTREE; // its classes are not separate sources
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && !isHidden(file) && isJar(file)) {
        sources.add(new DagSource(file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      // An unreadable entry or a symlink loop holds no DAG we could load; keep scanning the rest.
      return FileVisitResult.CONTINUE;
    }
  }
}
