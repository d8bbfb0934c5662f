package dev.updraft.components.examplegen;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Assigns records to {@code train} or {@code eval} by a stable hash of their content, 2 buckets to
 * 1 as TFX's default split config does, so the same record always lands in the same split.
 */
final class HashSplitter {
  private static final int TRAIN_BUCKETS = 2;
  private static final int TOTAL_BUCKETS = 3;

  List<String> splitNames() {
    return List.of("train", "eval");
  }

  String splitOf(Map<String, Object> record) {
    CRC32 crc = new CRC32();
    crc.update(record.toString().getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % TOTAL_BUCKETS < TRAIN_BUCKETS ? "train" : "eval";
  }
}
