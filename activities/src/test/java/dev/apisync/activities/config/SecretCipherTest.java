package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private final SecretCipher cipher = SecretCipher.fromBase64(KEY);

  @Test
  void decryptsWhatItEncrypted() {
    assertThat(cipher.decrypt(cipher.encrypt("pässwörd:with:colons")))
        .isEqualTo("pässwörd:with:colons");
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
  }

  @Test
  void ciphertextDoesNotContainThePlaintext() {
    byte[] sealed = cipher.encrypt("token-1234567890");

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("token-1234567890");
    // version byte, 12-byte nonce, ciphertext, 16-byte tag
    assertThat(sealed).hasSize(1 + 12 + "token-1234567890".length() + 16);
  }

  @Test
  void usesAFreshNonceForEveryValue() {
    assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
  }

  @Test
  void refusesToDecryptWithAnotherKey() {
    byte[] sealed = cipher.encrypt("secret");
    SecretCipher other = SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY);

    assertThatThrownBy(() -> other.decrypt(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another key");
  }

  @Test
  void refusesAlteredCiphertext() {
    byte[] sealed = cipher.encrypt("secret");
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesAKeyOfTheWrongLength() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretCipher.fromBase64(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 32 bytes")
        .hasMessageContaining("decodes to 16 bytes");
  }

  @Test
  void refusesAKeyThatIsNotBase64OrEmpty() {
    assertThatThrownBy(() -> SecretCipher.fromBase64("not base64!"))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> SecretCipher.fromBase64(" ")).hasMessageContaining("empty");
  }

  @Test
  void theDevelopmentKeyIsAValidKey() {
    SecretCipher dev = SecretCipher.fromBase64(SecretCipher.DEVELOPMENT_KEY);

    assertThat(dev.decrypt(dev.encrypt("x"))).isEqualTo("x");
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(cipher.toString()).isEqualTo("SecretCipher[AES-256-GCM]");
  }
}
