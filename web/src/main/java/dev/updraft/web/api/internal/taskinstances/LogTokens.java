package dev.updraft.web.api.internal.taskinstances;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Continuation tokens of a try's log: the line offset to go on from, HMAC-signed with a key of this
 * server process so a client cannot forge or alter one (Airflow signs its token the same way). A
 * token outlives no restart; Airflow's do not outlive a key change either.
 */
final class LogTokens {
  private final byte[] key = new byte[32];

  LogTokens() {
    new SecureRandom().nextBytes(key);
  }

  /** The token for going on at {@code line} of the try's log. */
  String encode(long line) {
    String payload = Long.toString(line);
    return b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64(sign(payload));
  }

  /** The line offset in {@code token}, or -1 when it is malformed or its signature is wrong. */
  long decode(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return -1;
    }
    try {
      String payload =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, sign(payload))) {
        return -1;
      }
      long line = Long.parseLong(payload);
      return line < 0 ? -1 : line;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
