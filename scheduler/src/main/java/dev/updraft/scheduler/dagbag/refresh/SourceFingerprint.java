package dev.updraft.scheduler.dagbag.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * What a DAG source looked like when it was loaded: a different fingerprint means it changed.
 *
 * @param path the jar or class folder
 * @param size the jar's size, or the total size of the files in the class folder
 * @param lastModifiedMillis the jar's modification time, or the newest of any file in the folder
 * @param fileCount 1 for a jar, the number of files in a class folder (catches a deleted class)
 */
record SourceFingerprint(Path path, long size, long lastModifiedMillis, long fileCount) {

  /** Reads the fingerprint of {@code path} now. */
  static SourceFingerprint of(Path path) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
    if (!attrs.isDirectory()) {
      return new SourceFingerprint(path, attrs.size(), attrs.lastModifiedTime().toMillis(), 1);
    }
    long size = 0;
    long newest = attrs.lastModifiedTime().toMillis();
    long count = 0;
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        BasicFileAttributes fileAttrs = Files.readAttributes(file, BasicFileAttributes.class);
        newest = Math.max(newest, fileAttrs.lastModifiedTime().toMillis());
        if (fileAttrs.isRegularFile()) {
          size += fileAttrs.size();
          count++;
        }
      }
    }
    return new SourceFingerprint(path, size, newest, count);
  }
}
