package dev.updraft.scheduler.dagbag;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * A DAG source, or one factory in it, that could not be turned into a DAG (Airflow's {@code
 * import_errors}).
 *
 * @param source the jar or class folder, or the factory class name for a registered factory
 * @param message what failed: names the factory class and the cause; for an invalid DAG, every
 *     problem found
 * @param stackTrace the stack trace of the cause, empty when there was no exception
 * @param timestamp when the error was found
 */
public record ImportError(String source, String message, String stackTrace, Instant timestamp) {

  /** An error found now; {@code cause} may be {@code null}. */
  static ImportError of(String source, String message, Throwable cause) {
    String trace = "";
    if (cause != null) {
      StringWriter writer = new StringWriter();
      cause.printStackTrace(new PrintWriter(writer));
      trace = writer.toString();
    }
    return new ImportError(source, message, trace, Instant.now());
  }
}
