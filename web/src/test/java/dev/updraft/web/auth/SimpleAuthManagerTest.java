package dev.updraft.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimpleAuthManagerTest {

  private static final String SECRET = "a-test-secret";
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  private Map<String, String> passwords() throws Exception {
    return JSON.readValue(
        home.resolve("simple_auth_manager_passwords.json.generated").toFile(),
        new TypeReference<>() {});
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void generatesPasswordsOnceIntoAnOwnerOnlyJsonFile() throws Exception {
    SimpleAuthManager first =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:admin,peter:viewer"), home);

    Map<String, String> stored = passwords();
    assertThat(stored).containsOnlyKeys("bob", "peter");
    assertThat(stored.values())
        .allSatisfy(
            pw -> assertThat(pw).hasSize(16).matches("[" + PasswordGenerator.ALPHABET + "]+"));
    Path file = home.resolve("simple_auth_manager_passwords.json.generated");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(first.loginBanner())
        .isEqualTo(
            "Login with username: bob  password: "
                + stored.get("bob")
                + "\nLogin with username: peter  password: "
                + stored.get("peter"));

    SimpleAuthManager second =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:admin,peter:viewer"), home);
    assertThat(passwords()).isEqualTo(stored);
    assertThat(second.loginBanner()).isEmpty();
    assertThat(second.authenticate("bob", stored.get("bob"))).isPresent();
  }

  @Test
  void dropsRemovedUsersAndGeneratesOnlyForNewOnes() throws Exception {
    SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:admin,peter:viewer"), home);
    String bob = passwords().get("bob");

    SimpleAuthManager manager =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:admin,ann:op"), home);

    assertThat(passwords()).containsOnlyKeys("bob", "ann").containsEntry("bob", bob);
    assertThat(manager.loginBanner()).startsWith("Login with username: ann  password: ");
    assertThat(manager.authenticate("peter", "anything")).isEmpty();
  }

  @Test
  void passwordsFileCanBeMovedAndKeepsPasswordsWrittenByHand() throws Exception {
    Path file = home.resolve("elsewhere/passwords.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"admin\": \"s3cret\"}");

    SimpleAuthManager manager =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", file.toString()), home);

    assertThat(manager.authenticate("admin", "s3cret"))
        .contains(new SimpleUser("admin", Role.ADMIN));
    assertThat(manager.loginBanner()).isEmpty();
    assertThat(file.resolveSibling("jwt_secret.generated")).exists();
    assertThat(home.resolve("simple_auth_manager_passwords.json.generated")).doesNotExist();
  }

  @Test
  void authenticatesOnlyTheRightPassword() throws Exception {
    SimpleAuthManager manager =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:op"), home);
    String password = passwords().get("bob");

    assertThat(manager.authenticate("bob", password)).contains(new SimpleUser("bob", Role.OP));
    assertThat(manager.authenticate("bob", password + "x")).isEmpty();
    assertThat(manager.authenticate("bob", "")).isEmpty();
    assertThat(manager.authenticate("alice", password)).isEmpty();
    assertThat(manager.authenticate(null, null)).isEmpty();
  }

  @Test
  void tokenRoundTripCarriesAirflowClaims() {
    SimpleAuthManager manager =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_USERS", "peter:viewer", "UPDRAFT_JWT_SECRET", SECRET), home, at(NOW));
    SimpleUser peter = new SimpleUser("peter", Role.VIEWER);

    String token = manager.issueToken(peter);

    assertThat(manager.verify(token)).contains(peter);
    // A plain verifier with the same secret accepts it at the issuing instant.
    DecodedJWT jwt =
        ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC512(SECRET)))
            .build(at(NOW))
            .verify(token);
    assertThat(jwt.getAlgorithm()).isEqualTo("HS512");
    assertThat(jwt.getSubject()).isEqualTo("peter");
    assertThat(jwt.getClaim("role").asString()).isEqualTo("viewer");
    assertThat(jwt.getAudience()).containsExactly("apache-airflow");
    assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(NOW);
    assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(NOW);
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(jwt.getId()).isNotBlank();
    assertThat(jwt.getIssuer()).isNull();
  }

  @Test
  void issuerAndExpirationAreConfigurable() {
    Map<String, String> env =
        Map.of(
            "UPDRAFT_JWT_SECRET", SECRET,
            "UPDRAFT_JWT_ISSUER", "updraft",
            "UPDRAFT_JWT_EXPIRATION_TIME", "60");
    String token =
        SimpleAuthManager.fromEnvironment(env, home, at(NOW))
            .issueToken(new SimpleUser("admin", Role.ADMIN));

    DecodedJWT jwt = JWT.decode(token);
    assertThat(jwt.getIssuer()).isEqualTo("updraft");
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(NOW.plusSeconds(60));
    assertThat(SimpleAuthManager.fromEnvironment(env, home, at(NOW.plusSeconds(120))).verify(token))
        .isEmpty();
  }

  @Test
  void rejectsExpiredForeignAndMalformedTokens() {
    Map<String, String> env = Map.of("UPDRAFT_JWT_SECRET", SECRET);
    SimpleUser admin = new SimpleUser("admin", Role.ADMIN);
    String token = SimpleAuthManager.fromEnvironment(env, home, at(NOW)).issueToken(admin);

    SimpleAuthManager nearlyADayLater =
        SimpleAuthManager.fromEnvironment(env, home, at(NOW.plus(Duration.ofHours(23))));
    SimpleAuthManager aDayLater =
        SimpleAuthManager.fromEnvironment(env, home, at(NOW.plus(Duration.ofHours(25))));
    SimpleAuthManager otherSecret =
        SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_JWT_SECRET", "other"), home, at(NOW));
    assertThat(nearlyADayLater.verify(token)).contains(admin);
    assertThat(aDayLater.verify(token)).isEmpty();
    assertThat(otherSecret.verify(token)).isEmpty();

    String taskToken =
        JWT.create()
            .withSubject("admin")
            .withClaim("role", "admin")
            .withAudience("urn:airflow.apache.org:task")
            .withExpiresAt(NOW.plusSeconds(600))
            .sign(Algorithm.HMAC512(SECRET));
    assertThat(nearlyADayLater.verify(taskToken)).isEmpty();
    assertThat(nearlyADayLater.verify("not.a.jwt")).isEmpty();
    assertThat(nearlyADayLater.verify(null)).isEmpty();
  }

  @Test
  void generatedJwtSecretSurvivesRestarts() throws Exception {
    SimpleUser admin = new SimpleUser("admin", Role.ADMIN);
    String token = SimpleAuthManager.fromEnvironment(Map.of(), home).issueToken(admin);

    Path secret = home.resolve("jwt_secret.generated");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
        .isEqualTo("rw-------");
    assertThat(SimpleAuthManager.fromEnvironment(Map.of(), home).verify(token)).contains(admin);
    assertThat(
            SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_JWT_SECRET", SECRET), home)
                .verify(token))
        .isEmpty();
  }

  @Test
  void rolesGateWhatUsersMayDo() {
    SimpleAuthManager manager = SimpleAuthManager.fromEnvironment(Map.of(), home);
    SimpleUser viewer = new SimpleUser("v", Role.VIEWER);
    SimpleUser op = new SimpleUser("o", Role.OP);

    assertThat(manager.isAuthorized(viewer, Permission.READ)).isTrue();
    assertThat(manager.isAuthorized(viewer, Permission.TRIGGER)).isFalse();
    assertThat(manager.isAuthorized(op, Permission.CONNECTIONS)).isTrue();
    assertThat(manager.isAuthorized(op, Permission.ADMIN)).isFalse();
    assertThat(manager.isAuthorized(new SimpleUser("a", Role.ADMIN), Permission.ADMIN)).isTrue();
  }

  @Test
  void allAdminsModeNeedsNoLogin() {
    SimpleAuthManager manager =
        SimpleAuthManager.fromEnvironment(
            Map.of("UPDRAFT_ALL_ADMINS", "True", "UPDRAFT_USERS", "peter:viewer"), home);

    assertThat(manager.allAdmins()).isTrue();
    assertThat(manager.authenticate("anyone", "anything"))
        .contains(SimpleAuthManager.ANONYMOUS_ADMIN);
    assertThat(manager.isAuthorized(new SimpleUser("peter", Role.VIEWER), Permission.ADMIN))
        .isTrue();
    assertThat(home.resolve("simple_auth_manager_passwords.json.generated")).doesNotExist();
    assertThat(manager.verify(manager.issueToken(SimpleAuthManager.ANONYMOUS_ADMIN)))
        .contains(SimpleAuthManager.ANONYMOUS_ADMIN);
  }

  @Test
  void invalidSettingsAreNamed() {
    assertThatThrownBy(
            () -> SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_ALL_ADMINS", "maybe"), home))
        .hasMessageContaining("UPDRAFT_ALL_ADMINS");
    assertThatThrownBy(
            () ->
                SimpleAuthManager.fromEnvironment(
                    Map.of("UPDRAFT_JWT_EXPIRATION_TIME", "-5"), home))
        .hasMessageContaining("UPDRAFT_JWT_EXPIRATION_TIME");
    assertThatThrownBy(
            () -> SimpleAuthManager.fromEnvironment(Map.of("UPDRAFT_USERS", "bob:root"), home))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bob:root'");
  }
}
