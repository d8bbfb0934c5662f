package dev.updraft.web.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC secret for user tokens: {@code UPDRAFT_JWT_SECRET} (Airflow's {@code [api_auth]
 * jwt_secret}) when set, otherwise one generated once and kept in a 0600 file so tokens survive
 * restarts.
 */
final class JwtSecret {

  /** The generated secret's file name, beside the passwords file. */
  static final String FILE_NAME = "jwt_secret.generated";

  private JwtSecret() {}

  static byte[] resolve(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    try {
      if (Files.exists(file)) {
        String stored = Files.readString(file).strip();
        if (!stored.isEmpty()) {
          return stored.getBytes(StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    // 64 random bytes: a full block for HS512.
    byte[] random = new byte[64];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    OwnerOnlyFiles.write(file, secret + "\n");
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
