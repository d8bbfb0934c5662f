package dev.updraft.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.updraft.metadata.state.SecretCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {
  @TempDir Path home;

  @Test
  void standaloneGeneratesAnOwnerOnlyKeyOnceAndEveryCommandReadsIt() throws Exception {
    SecretCipher first = SecretKeyFile.generateIfMissing(Map.of(), home);
    Path file = home.resolve(SecretKeyFile.FILE_NAME);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String key = Files.readString(file);

    String encrypted = first.encrypt("s3cret", "test");
    assertThat(encrypted).doesNotContain("s3cret");
    // A restart keeps the key; other commands read the same file.
    assertThat(SecretKeyFile.generateIfMissing(Map.of(), home).decrypt(encrypted, "test"))
        .isEqualTo("s3cret");
    assertThat(SecretKeyFile.cipher(Map.of(), home).decrypt(encrypted, "test")).isEqualTo("s3cret");
    assertThat(Files.readString(file)).isEqualTo(key);
  }

  @Test
  void theConfiguredKeyWinsAndNoFileIsWritten() {
    String configured = SecretCipher.generateKey();
    SecretCipher cipher =
        SecretKeyFile.generateIfMissing(Map.of(SecretCipher.KEY_VARIABLE, configured), home);
    assertThat(Files.exists(home.resolve(SecretKeyFile.FILE_NAME))).isFalse();
    assertThat(SecretCipher.fromBase64Key(configured).decrypt(cipher.encrypt("x", "test"), "test"))
        .isEqualTo("x");
  }

  @Test
  void withoutKeyOrFileSecretsAreRefusedNamingTheVariable() {
    assertThatThrownBy(() -> SecretKeyFile.cipher(Map.of(), home).encrypt("x", "test"))
        .hasMessageContaining(SecretCipher.KEY_VARIABLE);
  }
}
