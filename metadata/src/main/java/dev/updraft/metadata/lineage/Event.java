package dev.updraft.metadata.lineage;

/**
 * An artifact's part in an execution. The path is ML Metadata's usual two steps: the input or
 * output key, then the artifact's index in that key's list.
 *
 * @param id the store's id
 * @param artifactId the artifact
 * @param executionId the execution
 * @param type input, output, and their variants
 * @param key the input or output name, or {@code null} when the path has no key step
 * @param index the position under the key, or {@code null} when the path has no index step
 * @param millisecondsSinceEpoch when it was recorded
 */
public record Event(
    long id,
    long artifactId,
    long executionId,
    EventType type,
    String key,
    Integer index,
    long millisecondsSinceEpoch) {}
