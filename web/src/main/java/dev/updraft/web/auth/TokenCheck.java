package dev.updraft.web.auth;

import java.util.Optional;

/**
 * What checking a bearer token found: its user, or why there is none. Airflow answers an expired
 * token differently from a forged or malformed one, so callers need to tell them apart.
 */
public sealed interface TokenCheck {
  /** The token's user, when it is valid. */
  default Optional<SimpleUser> validUser() {
    return this instanceof Valid valid ? Optional.of(valid.user()) : Optional.empty();
  }

  /** A valid token of {@code user}. */
  record Valid(SimpleUser user) implements TokenCheck {}

  /** Correctly signed, but past its expiry. */
  record Expired() implements TokenCheck {}

  /** Malformed, badly signed, for another audience, or missing its claims. */
  record Invalid() implements TokenCheck {}
}
