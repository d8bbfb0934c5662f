package dev.updraft.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies user tokens the way Airflow's {@code JWTGenerator} and {@code JWTValidator}
 * do: HS512, claims {@code jti}, {@code sub}, {@code role}, {@code iat}, {@code nbf}, {@code exp},
 * {@code aud} and, when configured, {@code iss}.
 */
final class TokenService {

  /** Airflow's audience for API user tokens ({@code [api_auth] jwt_audience}). */
  static final String AUDIENCE = "apache-airflow";

  /** Airflow's {@code [api_auth] jwt_expiration_time}. */
  static final Duration DEFAULT_EXPIRATION = Duration.ofSeconds(86_400);

  /** Airflow's {@code [api_auth] jwt_leeway}, tolerating clock skew between servers. */
  static final long LEEWAY_SECONDS = 10;

  private static final String ROLE_CLAIM = "role";

  private final Algorithm algorithm;
  private final Duration expiration;
  private final String issuer;
  private final Clock clock;
  private final JWTVerifier verifier;

  TokenService(byte[] secret, Duration expiration, String issuer, Clock clock) {
    this.algorithm = Algorithm.HMAC512(secret);
    this.expiration = expiration;
    this.issuer = issuer;
    this.clock = clock;
    var verification = JWT.require(algorithm).withAudience(AUDIENCE).acceptLeeway(LEEWAY_SECONDS);
    if (issuer != null) {
      verification.withIssuer(issuer);
    }
    this.verifier = ((JWTVerifier.BaseVerification) verification).build(clock);
  }

  String issue(SimpleUser user) {
    // JWT times are whole seconds; truncating keeps iat equal to what a verifier reads back.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTCreator.Builder token =
        JWT.create()
            .withJWTId(UUID.randomUUID().toString().replace("-", ""))
            .withSubject(user.username())
            .withClaim(ROLE_CLAIM, user.role().configName())
            .withAudience(AUDIENCE)
            .withIssuedAt(now)
            .withNotBefore(now)
            .withExpiresAt(now.plus(expiration));
    if (issuer != null) {
      token.withIssuer(issuer);
    }
    return token.sign(algorithm);
  }

  Optional<SimpleUser> verify(String token) {
    return check(token).validUser();
  }

  TokenCheck check(String token) {
    if (token == null || token.isBlank()) {
      return new TokenCheck.Invalid();
    }
    try {
      // java-jwt checks the signature before the expiry, so Expired implies a genuine token.
      DecodedJWT jwt = verifier.verify(token);
      String role = jwt.getClaim(ROLE_CLAIM).asString();
      if (jwt.getSubject() == null || role == null) {
        return new TokenCheck.Invalid();
      }
      return new TokenCheck.Valid(new SimpleUser(jwt.getSubject(), Role.parse(role)));
    } catch (TokenExpiredException e) {
      return new TokenCheck.Expired();
    } catch (JWTVerificationException | IllegalArgumentException e) {
      return new TokenCheck.Invalid();
    }
  }
}
