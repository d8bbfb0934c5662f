package dev.updraft.metadata.state;

import java.time.Instant;

/** A row of {@code serialized_dag}: the DAG's JSON and its hash. */
public record SerializedDag(String dagId, String data, String dagHash, Instant lastUpdated) {}
