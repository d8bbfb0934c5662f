package dev.updraft.metadata.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  @Test
  void roundTripsWithAFreshTwelveByteIvEachTime() {
    SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateKey());

    String a = cipher.encrypt("hunter2 ✓", "test");
    String b = cipher.encrypt("hunter2 ✓", "test");

    assertThat(a).startsWith("enc:v1:").isNotEqualTo(b);
    byte[] raw = Base64.getDecoder().decode(a.substring("enc:v1:".length()));
    assertThat(raw)
        .hasSize(12 + "hunter2 ✓".getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
    assertThat(cipher.decrypt(a, "test")).isEqualTo("hunter2 ✓");
    assertThat(cipher.decrypt(b, "test")).isEqualTo("hunter2 ✓");
    assertThat(SecretCipher.isEncrypted(a)).isTrue();
    assertThat(SecretCipher.isEncrypted("hunter2")).isFalse();
  }

  @Test
  void generatedKeysAre32BytesAndDistinct() {
    String key = SecretCipher.generateKey();
    assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    assertThat(SecretCipher.generateKey()).isNotEqualTo(key);
  }

  @Test
  void environmentWithoutKeyGivesAKeylessCipher() {
    assertThat(SecretCipher.fromEnvironment(Map.of()).hasKey()).isFalse();
    assertThat(SecretCipher.fromEnvironment(Map.of("UPDRAFT_SECRET_KEY", " ")).hasKey()).isFalse();
    assertThat(
            SecretCipher.fromEnvironment(Map.of("UPDRAFT_SECRET_KEY", SecretCipher.generateKey()))
                .hasKey())
        .isTrue();
  }

  @Test
  void malformedKeysAreRejectedWithHowToMakeOne() {
    assertThatThrownBy(
            () -> SecretCipher.fromEnvironment(Map.of("UPDRAFT_SECRET_KEY", "not base64!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UPDRAFT_SECRET_KEY is not valid base64")
        .hasMessageContaining("openssl rand -base64 32");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> SecretCipher.fromEnvironment(Map.of("UPDRAFT_SECRET_KEY", shortKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base64 of 32 bytes, not 16");
  }

  @Test
  void tamperedOrForeignValuesFailClearly() {
    SecretCipher cipher = SecretCipher.fromBase64Key(SecretCipher.generateKey());
    String token = cipher.encrypt("secret", "x");
    byte[] raw = Base64.getDecoder().decode(token.substring(7));
    raw[raw.length - 1] ^= 1;
    String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> cipher.decrypt(tampered, "connection 'c'"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot decrypt connection 'c'");
    assertThatThrownBy(() -> cipher.decrypt("plain", "connection 'c'"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not start with enc:v1:");
    assertThatThrownBy(() -> cipher.decrypt("enc:v1:AAAA", "connection 'c'"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("truncated");
    assertThat(cipher.toString()).isEqualTo("SecretCipher(AES-256-GCM)");
  }
}
