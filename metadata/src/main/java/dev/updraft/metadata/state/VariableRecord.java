package dev.updraft.metadata.state;

/** A row of {@code variable}: a named value DAGs read at run time. */
public record VariableRecord(String key, String value, String description) {}
