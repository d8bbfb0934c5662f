package dev.updraft.scheduler.loop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/** Where an in-process try's log lines go: its own file, as Airflow keeps one per try. */
@FunctionalInterface
public interface TryLogSink {
  /** A stream for {@code queuedTry}'s log; the caller closes it when the try ends. */
  PrintStream open(QueuedTry queuedTry);

  /** Drops every line (tests and benchmarks that do not read logs). */
  static TryLogSink discard() {
    return queuedTry ->
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** Appends each try's lines to the file {@code pathOf} names, creating its folders. */
  static TryLogSink files(Function<QueuedTry, Path> pathOf) {
    return queuedTry -> {
      Path file = pathOf.apply(queuedTry);
      try {
        Files.createDirectories(file.getParent());
        OutputStream out =
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new PrintStream(out, true, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open the log file " + file, e);
      }
    };
  }
}
