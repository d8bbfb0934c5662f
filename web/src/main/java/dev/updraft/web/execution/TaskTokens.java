package dev.updraft.web.execution;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies the per-try tokens of the Task Execution API, as Airflow's {@code
 * JWTGenerator} does for workloads: HS512, subject the task instance id, audience {@value
 * #AUDIENCE}, short expiry.
 */
public final class TaskTokens {

  /** Airflow's {@code [execution_api] jwt_audience}. */
  public static final String AUDIENCE = "urn:airflow.apache.org:task";

  /** Airflow's {@code [api_auth] jwt_leeway}, tolerating clock skew between hosts. */
  static final long LEEWAY_SECONDS = 10;

  private final Algorithm algorithm;
  private final Clock clock;
  private final JWTVerifier verifier;

  /** Tokens signed with {@code secret}, on the system clock. */
  public TaskTokens(byte[] secret) {
    this(secret, Clock.systemUTC());
  }

  /** Tokens signed with {@code secret}, dated and checked by {@code clock}. */
  public TaskTokens(byte[] secret, Clock clock) {
    this.algorithm = Algorithm.HMAC512(secret);
    this.clock = clock;
    var verification = JWT.require(algorithm).withAudience(AUDIENCE).acceptLeeway(LEEWAY_SECONDS);
    this.verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
  }

  /** A token for task instance {@code taskInstanceId}, valid for {@code ttl}. */
  public String issue(UUID taskInstanceId, Duration ttl) {
    // JWT times are whole seconds; truncating keeps iat equal to what a verifier reads back.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return JWT.create()
        .withJWTId(UUID.randomUUID().toString())
        .withSubject(taskInstanceId.toString())
        .withAudience(AUDIENCE)
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(ttl))
        .sign(algorithm);
  }

  /** The task instance {@code token} was issued for, if it is well signed and not expired. */
  public Optional<UUID> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      DecodedJWT jwt = verifier.verify(token);
      return jwt.getSubject() == null
          ? Optional.empty()
          : Optional.of(UUID.fromString(jwt.getSubject()));
    } catch (JWTVerificationException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
