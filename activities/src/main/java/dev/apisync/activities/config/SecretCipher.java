package dev.apisync.activities.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts config secrets at rest with AES-256-GCM. Each value gets a fresh random 12-byte nonce,
 * stored with it: {@code version (1 byte) | nonce (12) | ciphertext and 16-byte tag}. The version
 * byte is authenticated too and leaves room for key rotation.
 */
public final class SecretCipher {

  /**
   * A fixed key for development and tests only. It is public, so secrets it encrypts are not
   * protected; the apps log a warning when they fall back to it.
   */
  public static final String DEVELOPMENT_KEY = "YXBpc3luYy1kZXZlbG9wbWVudC1rZXktMzItYnl0ZXM=";

  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  private SecretCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * @param base64Key 32 random bytes, base64-encoded, e.g. from {@code openssl rand -base64 32}
   * @throws IllegalArgumentException naming what is wrong with the key (never the key itself)
   */
  public static SecretCipher fromBase64(String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      throw new IllegalArgumentException(
          "the secrets key is empty: give 32 random bytes, base64-encoded"
              + " (e.g. `openssl rand -base64 32`)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the secrets key is not valid base64: " + e.getMessage());
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the secrets key must be "
              + KEY_BYTES
              + " bytes (AES-256), base64-encoded; it decodes to "
              + key.length
              + " bytes (generate one with `openssl rand -base64 32`)");
    }
    return new SecretCipher(key);
  }

  public byte[] encrypt(String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a secret", e);
    }
  }

  /**
   * @throws IllegalStateException when the value was not encrypted with this key (or was altered)
   */
  public String decrypt(byte[] stored) {
    if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
      throw new IllegalStateException("a stored secret is not in a format this version can read");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(stored, 1, nonce, 0, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce);
      byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt a stored secret: it was encrypted with another key"
              + " (has apisync.secrets.key changed?) or altered");
    }
  }

  private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(new byte[] {VERSION});
    return cipher;
  }

  @Override
  public String toString() {
    return "SecretCipher[AES-256-GCM]";
  }
}
