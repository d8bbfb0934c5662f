package dev.updraft.web.auth;

import java.util.Locale;

/**
 * The simple auth manager's fixed roles, in order: each role has every right of the roles before
 * it, as in Airflow's {@code SimpleAuthManagerRole}.
 */
public enum Role {
  VIEWER,
  USER,
  OP,
  ADMIN;

  /** Whether this role has at least the rights of {@code other}. */
  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  /** The name used in configuration and in token claims, e.g. {@code "op"}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a role name case-insensitively, as Airflow does.
   *
   * @throws IllegalArgumentException if the name is not one of the four roles
   */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(name.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "' (expected viewer, user, op or admin)");
  }
}
