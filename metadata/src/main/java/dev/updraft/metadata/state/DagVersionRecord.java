package dev.updraft.metadata.state;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code dag_version}: one distinct serialized form of a DAG. */
public record DagVersionRecord(
    UUID id,
    int versionNumber,
    String dagId,
    String bundleName,
    String bundleVersion,
    String hash,
    Instant createdAt) {}
