package dev.updraft.web.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Airflow 3's simple auth manager: users and roles from {@code UPDRAFT_USERS}, generated passwords
 * in a file under {@code $UPDRAFT_HOME}, HS512 tokens, and fixed role rules. Meant for development
 * and small installations, as in Airflow.
 *
 * <p>Configuration, read by {@link #fromEnvironment}:
 *
 * <ul>
 *   <li>{@code UPDRAFT_USERS}: {@code username:role,...}, default {@code admin:admin}
 *   <li>{@code UPDRAFT_ALL_ADMINS}: {@code true} turns login off; everyone is an admin
 *   <li>{@code UPDRAFT_SIMPLE_AUTH_MANAGER_PASSWORDS_FILE}: overrides the passwords file
 *   <li>{@code UPDRAFT_JWT_SECRET}: the HMAC secret; generated and stored when unset
 *   <li>{@code UPDRAFT_JWT_EXPIRATION_TIME}: token lifetime in seconds, default 86400
 *   <li>{@code UPDRAFT_JWT_ISSUER}: the {@code iss} claim, none by default
 * </ul>
 */
public final class SimpleAuthManager {

  /** The user everyone is when {@code UPDRAFT_ALL_ADMINS} is on, as Airflow names it. */
  public static final SimpleUser ANONYMOUS_ADMIN = new SimpleUser("Anonymous", Role.ADMIN);

  private final Map<String, SimpleUser> users;
  private final Map<String, String> passwords;
  private final List<String> generatedFor;
  private final boolean allAdmins;
  private final TokenService tokens;

  private SimpleAuthManager(
      List<SimpleUser> users,
      PasswordFile.Synced passwords,
      boolean allAdmins,
      TokenService tokens) {
    Map<String, SimpleUser> byName = new LinkedHashMap<>();
    users.forEach(user -> byName.put(user.username(), user));
    this.users = byName;
    this.passwords = passwords.passwords();
    this.generatedFor = passwords.generated();
    this.allAdmins = allAdmins;
    this.tokens = tokens;
  }

  /** Builds the manager from configuration, with the system clock. */
  public static SimpleAuthManager fromEnvironment(Map<String, String> env, Path home) {
    return fromEnvironment(env, home, Clock.systemUTC());
  }

  /**
   * Builds the manager from configuration, generating and storing missing passwords and the JWT
   * secret.
   *
   * @param clock the time source for issuing and checking tokens
   * @throws IllegalArgumentException when {@code UPDRAFT_USERS} or another variable is invalid
   */
  public static SimpleAuthManager fromEnvironment(Map<String, String> env, Path home, Clock clock) {
    Path passwordsFile = passwordsFile(env, home);
    boolean allAdmins = parseBoolean("UPDRAFT_ALL_ADMINS", env.get("UPDRAFT_ALL_ADMINS"));
    TokenService tokens =
        new TokenService(
            JwtSecret.resolve(
                env.get("UPDRAFT_JWT_SECRET"), passwordsFile.resolveSibling(JwtSecret.FILE_NAME)),
            expiration(env.get("UPDRAFT_JWT_EXPIRATION_TIME")),
            blankToNull(env.get("UPDRAFT_JWT_ISSUER")),
            clock);
    if (allAdmins) {
      // Like Airflow: with everyone admin there are no accounts, so no passwords to generate.
      return new SimpleAuthManager(
          List.of(), new PasswordFile.Synced(Map.of(), List.of()), true, tokens);
    }
    List<SimpleUser> users = UserSpecParser.parse(env.get("UPDRAFT_USERS"));
    return new SimpleAuthManager(users, PasswordFile.sync(passwordsFile, users), false, tokens);
  }

  /** The passwords file: the override, or Airflow's file name under the home folder. */
  public static Path passwordsFile(Map<String, String> env, Path home) {
    String override = blankToNull(env.get("UPDRAFT_SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"));
    return override != null ? Path.of(override) : home.resolve(PasswordFile.FILE_NAME);
  }

  /** Whether login is off and everyone is {@link #ANONYMOUS_ADMIN}. */
  public boolean allAdmins() {
    return allAdmins;
  }

  /** The configured users, in configuration order; empty when {@link #allAdmins()}. */
  public List<SimpleUser> users() {
    return List.copyOf(users.values());
  }

  /**
   * Checks a login. In all-admins mode any credentials give {@link #ANONYMOUS_ADMIN}.
   *
   * @return the user when the password is theirs, otherwise empty
   */
  public Optional<SimpleUser> authenticate(String username, String password) {
    if (allAdmins) {
      return Optional.of(ANONYMOUS_ADMIN);
    }
    if (username == null || password == null) {
      return Optional.empty();
    }
    String expected = passwords.get(username);
    // Compare even for unknown users so the timing does not reveal which names exist.
    boolean matches =
        MessageDigest.isEqual(
            bytes(expected == null ? "\0unknown-user" : expected), bytes(password));
    return matches && expected != null
        ? Optional.ofNullable(users.get(username))
        : Optional.empty();
  }

  /** Issues a signed JWT for the user, as Airflow's login route returns one. */
  public String issueToken(SimpleUser user) {
    return tokens.issue(user);
  }

  /**
   * Verifies a token issued by this manager, or by any holder of the same secret.
   *
   * @return the token's user, or empty when the token is malformed, expired, not yet valid, badly
   *     signed or for another audience
   */
  public Optional<SimpleUser> verify(String token) {
    return tokens.verify(token);
  }

  /** Checks a token as {@link #verify} does, telling an expired token from an invalid one. */
  public TokenCheck check(String token) {
    return tokens.check(token);
  }

  /** Whether the user may do what the permission guards; always true in all-admins mode. */
  public boolean isAuthorized(SimpleUser user, Permission permission) {
    return allAdmins || user.role().includes(permission.minimumRole());
  }

  /**
   * What {@code standalone} prints so a newcomer can log in: one line per user whose password was
   * generated by this start, or an empty string when there is nothing new to tell.
   */
  public String loginBanner() {
    if (allAdmins) {
      return "Simple auth manager | UPDRAFT_ALL_ADMINS is on: no login, everyone is admin";
    }
    return generatedFor.stream()
        .map(name -> "Login with username: " + name + "  password: " + passwords.get(name))
        .collect(Collectors.joining("\n"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Airflow's {@code getboolean}: t/true/1 and f/false/0, case-insensitive. */
  private static boolean parseBoolean(String name, String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "t", "true", "1" -> true;
      case "", "f", "false", "0" -> false;
      default ->
          throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    };
  }

  private static Duration expiration(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return TokenService.DEFAULT_EXPIRATION;
    }
    try {
      long value = Long.parseLong(seconds.strip());
      if (value > 0) {
        return Duration.ofSeconds(value);
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "UPDRAFT_JWT_EXPIRATION_TIME must be a positive number of seconds, not '" + seconds + "'");
  }
}
