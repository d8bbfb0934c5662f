package dev.updraft.metadata.lineage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LineageStore#recordExecution} stored: the execution's id and its artifacts' ids, by
 * key and in order.
 */
public record RecordedExecution(
    long executionId, Map<String, List<Long>> inputIds, Map<String, List<Long>> outputIds) {

  public RecordedExecution {
    inputIds = Collections.unmodifiableMap(new LinkedHashMap<>(inputIds));
    outputIds = Collections.unmodifiableMap(new LinkedHashMap<>(outputIds));
  }
}
