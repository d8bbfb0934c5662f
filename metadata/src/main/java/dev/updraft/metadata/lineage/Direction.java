package dev.updraft.metadata.lineage;

/** Which way a lineage walk goes from its start. */
public enum Direction {
  /** Towards what the start was made from: producers, then their inputs. */
  UPSTREAM,
  /** Towards what was made from the start: consumers, then their outputs. */
  DOWNSTREAM,
  /**
   * Both of the above: the start's ancestors and descendants. Unlike ML Metadata's bidirectional
   * walk, it does not turn around midway, so siblings (other outputs of an ancestor) are not
   * included unless they are ancestors or descendants themselves.
   */
  BOTH
}
