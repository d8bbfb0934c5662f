package dev.updraft.metadata.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM under the key in {@value #KEY_VARIABLE}. A value
 * encrypted once reads {@code enc:v1:} followed by the base64 of a random 12-byte IV and the
 * ciphertext with its 16-byte tag, so a tampered value or another key is detected, not misread.
 *
 * <p>A cipher without a key can exist (a connection without secrets needs none); it fails, with how
 * to make a key, only when a secret must be encrypted or decrypted.
 */
public final class SecretCipher {
  /** The environment variable holding the key: the base64 of 32 random bytes. */
  public static final String KEY_VARIABLE = "UPDRAFT_SECRET_KEY";

  /** The prefix of values this cipher wrote. */
  public static final String PREFIX = "enc:v1:";

  private static final int KEY_BYTES = 32;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String HOW_TO_GENERATE =
      "generate a key with `openssl rand -base64 32` (or SecretCipher.generateKey()) and set it as "
          + KEY_VARIABLE
          + " for every Updraft process";

  private final SecretKeySpec key;

  private SecretCipher(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * The cipher configured by {@value #KEY_VARIABLE} in {@code env}; without it, a cipher that
   * refuses to encrypt or decrypt.
   *
   * @throws IllegalArgumentException when the variable is set but is not the base64 of 32 bytes
   */
  public static SecretCipher fromEnvironment(Map<String, String> env) {
    String value = env.get(KEY_VARIABLE);
    return value == null || value.isBlank() ? withoutKey() : fromBase64Key(value.strip());
  }

  /** A cipher with the key {@code base64Key} (the base64 of 32 bytes). */
  public static SecretCipher fromBase64Key(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          KEY_VARIABLE + " is not valid base64; " + HOW_TO_GENERATE, e);
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          KEY_VARIABLE
              + " must be the base64 of 32 bytes, not "
              + bytes.length
              + "; "
              + HOW_TO_GENERATE);
    }
    return new SecretCipher(new SecretKeySpec(bytes, "AES"));
  }

  /** A cipher without a key: fine until a secret must be encrypted or decrypted. */
  public static SecretCipher withoutKey() {
    return new SecretCipher(null);
  }

  /** A new random key, base64-encoded, to set as {@value #KEY_VARIABLE}. */
  public static String generateKey() {
    byte[] bytes = new byte[KEY_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Whether a key is configured. */
  public boolean hasKey() {
    return key != null;
  }

  /** Whether {@code value} looks like something this cipher wrote. */
  public static boolean isEncrypted(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  /**
   * Encrypts {@code plaintext} under a fresh random IV.
   *
   * @param what names the secret for the error when there is no key, e.g. {@code connection 'x'}
   * @throws IllegalStateException when no key is configured
   */
  public String encrypt(String plaintext, String what) {
    requireKey("encrypt", what);
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Decrypts a value {@link #encrypt} wrote.
   *
   * @param what names the secret for errors, e.g. {@code connection 'x'}
   * @throws IllegalStateException when no key is configured, the key differs from the one the value
   *     was encrypted with (or the value was altered), or the value is not in this format
   */
  public String decrypt(String token, String what) {
    requireKey("decrypt", what);
    if (!isEncrypted(token)) {
      throw new IllegalStateException(
          "cannot decrypt " + what + ": the stored value does not start with " + PREFIX);
    }
    try {
      byte[] in = Base64.getDecoder().decode(token.substring(PREFIX.length()));
      if (in.length < IV_BYTES + TAG_BITS / 8) {
        throw new IllegalStateException(
            "cannot decrypt " + what + ": the stored value is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException(
          "cannot decrypt "
              + what
              + ": "
              + KEY_VARIABLE
              + " differs from the key it was encrypted with",
          e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot decrypt " + what + ": the stored value is not base64", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot decrypt " + what + ": " + e.getMessage(), e);
    }
  }

  private void requireKey(String action, String what) {
    if (key == null) {
      throw new MissingKeyException(
          "cannot "
              + action
              + " "
              + what
              + ": "
              + KEY_VARIABLE
              + " is not set; secrets are"
              + " encrypted at rest, so "
              + HOW_TO_GENERATE);
    }
  }

  @Override
  public String toString() {
    return key == null ? "SecretCipher(no key)" : "SecretCipher(AES-256-GCM)";
  }

  /** A secret must be encrypted or decrypted and no key is configured. */
  public static final class MissingKeyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingKeyException(String message) {
      super(message);
    }
  }
}
