package dev.updraft.metadata.state.internal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562), as Airflow 3 uses for task instances: new rows land at
 * the end of the primary key index instead of at random pages.
 */
public final class Uuids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Uuids() {}

  /** A new version 7 UUID: 48 bits of Unix milliseconds, then random bits. */
  public static UUID v7() {
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
