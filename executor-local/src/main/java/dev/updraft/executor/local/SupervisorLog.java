package dev.updraft.executor.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends the supervisor's own {@code [updraft] …} lines to a try's log file. */
final class SupervisorLog {

  private SupervisorLog() {}

  static void append(Path logFile, String line) throws IOException {
    // O_APPEND, like the child's redirect, so lines are not interleaved mid-write.
    Files.writeString(
        logFile,
        line + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
