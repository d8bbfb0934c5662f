package dev.updraft.cli.internal;

import dev.updraft.metadata.state.SecretCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The key that encrypts connection secrets: {@value SecretCipher#KEY_VARIABLE} when set, else the
 * key {@code standalone} generated into {@code $UPDRAFT_HOME/}{@value #FILE_NAME} (as {@code
 * airflow standalone} writes a Fernet key into its config on first start), so a new user can store
 * a connection password without setting anything up. Several schedulers must share one key: set the
 * variable for them.
 */
public final class SecretKeyFile {
  public static final String FILE_NAME = "secret_key.generated";

  private SecretKeyFile() {}

  /** The configured or generated key; without either, a cipher that refuses secrets clearly. */
  public static SecretCipher cipher(Map<String, String> env, Path home) {
    String configured = env.get(SecretCipher.KEY_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return SecretCipher.fromEnvironment(env);
    }
    Path file = home.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      return SecretCipher.fromBase64Key(read(file));
    }
    return SecretCipher.withoutKey();
  }

  /** As {@link #cipher}, first generating the key file when no key is configured or stored. */
  public static SecretCipher generateIfMissing(Map<String, String> env, Path home) {
    String configured = env.get(SecretCipher.KEY_VARIABLE);
    Path file = home.resolve(FILE_NAME);
    if ((configured == null || configured.isBlank()) && !Files.exists(file)) {
      write(file, SecretCipher.generateKey());
    }
    return cipher(env, home);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the secret key in " + file, e);
    }
  }

  private static void write(Path file, String key) {
    try {
      Files.createDirectories(file.getParent());
      try {
        // Owner-only from the start: the key never exists readable by others.
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, key + "\n");
    } catch (FileAlreadyExistsException raced) {
      // Another process wrote it first: use theirs.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the secret key to " + file, e);
    }
  }
}
