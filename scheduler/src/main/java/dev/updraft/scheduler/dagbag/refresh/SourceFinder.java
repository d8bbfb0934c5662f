package dev.updraft.scheduler.dagbag.refresh;

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
 * Lists the DAG sources under a dags folder by the same rules as the {@code DagBag}'s scanner (jars
 * and class folders holding a {@code DagFactory} services file, hidden entries skipped), sorted by
 * path. That scanner is internal to its package, hence this copy of its rules.
 */
final class SourceFinder {
  static final String SERVICES_ENTRY = "META-INF/services/dev.updraft.sdk.DagFactory";

  private SourceFinder() {}

  /** The sources under {@code root}; none if it does not exist. */
  static List<Path> find(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return isJar(root) ? List.of(root) : List.of();
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> sources = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && isHidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isRegularFile(dir.resolve(SERVICES_ENTRY))) {
              sources.add(dir);
              return FileVisitResult.SKIP_SUBTREE; // its classes are not separate sources
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !isHidden(file) && isJar(file)) {
              sources.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // an unreadable entry holds no DAG we could load
          }
        });
    sources.sort(null);
    return List.copyOf(sources);
  }

  private static boolean isJar(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
