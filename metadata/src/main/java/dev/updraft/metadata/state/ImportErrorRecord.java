package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code import_error}: why DAGs could not be loaded from a file. */
public record ImportErrorRecord(
    long id, Instant timestamp, String filename, String bundleName, String stacktrace) {}
