package dev.updraft.metadata;

import java.util.List;

/**
 * Where the database's schema stands against the migrations this code ships.
 *
 * @param currentVersion the version applied last, or {@code null} for an empty database
 * @param latestVersion the newest version this code ships
 * @param pending migrations this code would apply
 * @param unknownApplied migrations the database has that this code does not know (it is newer)
 */
public record SchemaStatus(
    String currentVersion,
    String latestVersion,
    List<String> pending,
    List<String> unknownApplied) {

  /** Whether the schema is exactly what this code expects. */
  public boolean isCurrent() {
    return pending.isEmpty() && unknownApplied.isEmpty();
  }

  /** Whether the database was migrated by newer code than this. */
  public boolean isNewerThanCode() {
    return !unknownApplied.isEmpty();
  }

  /** A one-line description for the CLI. */
  public String describe() {
    if (isNewerThanCode()) {
      return "schema is newer than this Updraft ("
          + unknownApplied
          + " unknown to it): upgrade Updraft, do not run it against this database";
    }
    if (!pending.isEmpty()) {
      return "schema at version "
          + currentVersion
          + ", "
          + pending.size()
          + " migration(s) pending: run `updraft db migrate`";
    }
    return "schema current at version " + currentVersion;
  }
}
