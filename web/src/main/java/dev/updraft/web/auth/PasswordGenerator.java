package dev.updraft.web.auth;

import java.security.SecureRandom;

/**
 * Generates passwords as Airflow's simple auth manager does: 16 characters of letters and digits,
 * leaving out the look-alikes (i, j, l, o, I, J, L, O, 0, 1).
 */
final class PasswordGenerator {

  static final String ALPHABET = "abcdefghkmnpqrstuvwxyzABCDEFGHKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordGenerator() {}

  static String generate() {
    StringBuilder password = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
