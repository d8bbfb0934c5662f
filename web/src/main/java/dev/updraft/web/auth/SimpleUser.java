package dev.updraft.web.auth;

import java.util.Objects;

/**
 * A user of the simple auth manager.
 *
 * @param username the login name, also the token's {@code sub} claim
 * @param role the user's role, also the token's {@code role} claim
 */
public record SimpleUser(String username, Role role) {

  /** Validates the components. */
  public SimpleUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
  }
}
