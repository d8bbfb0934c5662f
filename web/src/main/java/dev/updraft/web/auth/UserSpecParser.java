package dev.updraft.web.auth;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code UPDRAFT_USERS}, Airflow's {@code [core] simple_auth_manager_users}: a
 * comma-separated list of {@code username:role}.
 */
public final class UserSpecParser {

  /** Airflow's default for {@code simple_auth_manager_users}. */
  public static final String DEFAULT_USERS = "admin:admin";

  private UserSpecParser() {}

  /**
   * Parses the list; blank or null means {@link #DEFAULT_USERS}.
   *
   * @throws IllegalArgumentException naming the entry when one has no role, an unknown role, or
   *     repeats a username
   */
  public static List<SimpleUser> parse(String spec) {
    String text = spec == null || spec.isBlank() ? DEFAULT_USERS : spec;
    List<SimpleUser> users = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : text.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue; // tolerate a trailing comma, as Airflow's getlist does
      }
      SimpleUser user = parseEntry(entry);
      if (!seen.add(user.username())) {
        throw invalid(entry, "duplicate user '" + user.username() + "'");
      }
      users.add(user);
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("UPDRAFT_USERS lists no users: '" + spec + "'");
    }
    return List.copyOf(users);
  }

  private static SimpleUser parseEntry(String entry) {
    String[] parts = entry.split(":", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw invalid(entry, "expected username:role");
    }
    try {
      return new SimpleUser(parts[0].strip(), Role.parse(parts[1]));
    } catch (IllegalArgumentException e) {
      throw invalid(entry, e.getMessage());
    }
  }

  private static IllegalArgumentException invalid(String entry, String why) {
    return new IllegalArgumentException("invalid UPDRAFT_USERS entry '" + entry + "': " + why);
  }
}
